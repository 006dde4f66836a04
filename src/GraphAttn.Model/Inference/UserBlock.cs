using GraphAttn.Graph;
using GraphAttn.Model.Modeling;

namespace GraphAttn.Model.Inference;

/// <summary>
/// The input of the per-target user forward: target users (global indices) and, per target, its followees, the contents
/// it interacted with, and its last L history items. The forward adds one self-loop per target to the follow edges,
/// as the full-graph model does. Shapes: Targets [T]; Followees, Contents CSR over T; History [T, L].
/// </summary>
/// <param name="Targets">[T] global user indices (need not be sorted; duplicates are not allowed).</param>
/// <param name="Followees">Follow in-edges: sources are global user indices, self excluded.</param>
/// <param name="Contents">Interaction in-edges: sources are global content indices.</param>
/// <param name="History">Last L interactions of each target, most recent first.</param>
public sealed record UserBlock(int[] Targets, TargetEdges Followees, TargetEdges Contents, BlockHistory History)
{
    /// <summary>Checks that every part has T rows.</summary>
    /// <exception cref="ArgumentException">A part disagrees with the target count.</exception>
    public void Validate()
    {
        var t = Targets.Length;
        if (Followees.TargetCount != t || Contents.TargetCount != t || History.Targets != t)
            throw new ArgumentException(
                $"user block parts disagree: {t} targets, followees {Followees.TargetCount}, contents {Contents.TargetCount}, history {History.Targets}");
    }

    /// <summary>
    /// The full (unsampled) neighbourhood of <paramref name="targets"/> in <paramref name="graph"/>: every followee,
    /// every distinct interacted content (ascending, as the full-graph edges), and the rows of <paramref name="history"/>.
    /// </summary>
    public static UserBlock Full(SocialGraph graph, HistoryBatch history, ReadOnlySpan<int> targets)
    {
        var contents = new List<int>[targets.Length];
        for (var t = 0; t < targets.Length; t++)
        {
            var distinct = new SortedSet<int>();
            foreach (var c in graph.Interactions.ContentOf(targets[t])) distinct.Add(c);
            contents[t] = [.. distinct];
        }
        return new UserBlock(targets.ToArray(), TargetEdges.All(graph.Following, targets), TargetEdges.FromLists(contents),
            BlockHistory.FromBatch(history, targets));
    }
}
