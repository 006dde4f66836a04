using GraphAttn.Graph;

namespace GraphAttn.Model.Inference;

/// <summary>
/// The input of the per-target content forward: target contents (global indices) and, per target, the users who
/// interacted with it. Shapes: Targets [T]; Users CSR over T.
/// </summary>
/// <param name="Targets">[T] global content indices (no duplicates).</param>
/// <param name="Users">In-edges: sources are global user indices.</param>
public sealed record ContentBlock(int[] Targets, TargetEdges Users)
{
    /// <summary>Checks that the edges have T rows.</summary>
    /// <exception cref="ArgumentException">The edges disagree with the target count.</exception>
    public void Validate()
    {
        if (Users.TargetCount != Targets.Length)
            throw new ArgumentException($"content block has {Targets.Length} targets but edges for {Users.TargetCount}");
    }

    /// <summary>Every interacting user of each target in <paramref name="graph"/> (ascending, as the full-graph edges).</summary>
    public static ContentBlock Full(SocialGraph graph, ReadOnlySpan<int> targets) =>
        new(targets.ToArray(), TargetEdges.All(graph.ContentUsers, targets));
}
