using System.Runtime.CompilerServices;
using GraphAttn.Graph;

namespace GraphAttn.Serving.ModelAnswers;

/// <summary>
/// A number per graph instance, in the order graphs are first seen: caches key entries by it instead of by the graph,
/// so an entry never keeps a replaced graph alive (the table holds graphs weakly).
/// </summary>
public static class GraphGenerations
{
    private static readonly ConditionalWeakTable<SocialGraph, Box> Numbers = new();
    private static long _last;

    /// <summary>The generation number of <paramref name="graph"/> (the same for the same instance, new for a new one).</summary>
    public static long Of(SocialGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Numbers.GetValue(graph, static _ => new Box(Interlocked.Increment(ref _last))).Value;
    }

    private sealed class Box(long value)
    {
        public long Value { get; } = value;
    }
}
