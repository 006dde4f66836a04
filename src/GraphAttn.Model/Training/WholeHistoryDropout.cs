using GraphAttn.Model.Inference;

namespace GraphAttn.Model.Training;

/// <summary>
/// Trains the no-history path: a seeded share of a step's users lose their whole history for that step, their
/// interaction in-edges and history rows both, so they are embedded from their id and followees alone, as a new user
/// who has followed people but not interacted yet is at request time. Without it every user the model trained on had
/// a history, and the social path alone was never asked to rank content.
/// </summary>
internal static class WholeHistoryDropout
{
    /// <summary>
    /// <paramref name="block"/> with each target's interactions and history removed with probability
    /// <paramref name="rate"/>, drawn from <paramref name="seed"/> (the same seed drops the same targets).
    /// </summary>
    public static UserBlock Apply(UserBlock block, double rate, ulong seed)
    {
        if (rate <= 0) return block;
        var random = new Random((int)(seed ^ (seed >> 32)));
        var drop = block.Targets.Select(_ => random.NextDouble() < rate).ToArray();
        if (!drop.Contains(true)) return block;
        var kept = new List<int>[block.Targets.Length];
        for (var t = 0; t < kept.Length; t++) kept[t] = drop[t] ? [] : [.. block.Contents.Of(t)];
        var contents = TargetEdges.FromLists(kept);
        return block with
        {
            Contents = new TargetEdges(contents.Offsets, contents.Sources) { Sampled = block.Contents.Sampled },
            History = BlockHistory.Masked(block.History, drop),
        };
    }
}
