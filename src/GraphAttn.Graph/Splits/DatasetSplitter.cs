using GraphAttn.Graph.Matrices;

namespace GraphAttn.Graph.Splits;

/// <summary>Makes a <see cref="DatasetSplit"/> of a graph: content pairs by <see cref="SplitKind"/>, friendships by share.</summary>
public static class DatasetSplitter
{
    /// <summary>Splits <paramref name="graph"/>.</summary>
    /// <param name="graph">The complete graph.</param>
    /// <param name="kind">Content split; default random 8:1:1.</param>
    /// <param name="seed">Seed of both random choices; default 2026.</param>
    /// <param name="followShare">Share of friendships held out; default 0.1.</param>
    public static DatasetSplit Split(
        SocialGraph graph, SplitKind kind = SplitKind.Random, int seed = SplitDefaults.Seed,
        double followShare = SplitDefaults.HeldOutFollowShare)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var events = GraphViews.DistinctEvents(graph);
        var (valid, test) = kind switch
        {
            SplitKind.Random => RandomRatioSplitter.Split(events, graph.UserCount, graph.ContentCount, seed: seed),
            SplitKind.Temporal => LeaveLastOutSplitter.Split(events, graph.UserCount, graph.ContentCount),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown split kind."),
        };
        var friends = FollowEdgeSplitter.Split(GraphViews.FollowEdges(graph), graph.UserCount, followShare, seed);
        var description = kind == SplitKind.Random
            ? $"random 8:1:1 per user, seed {seed}; follows {followShare * 100:0.#}% held out, seed {seed}"
            : $"temporal leave-last-out per user; follows {followShare * 100:0.#}% held out, seed {seed}";
        return new DatasetSplit(description, graph.Fingerprint, valid, test, friends);
    }
}
