namespace GraphAttn.Model.Sampling;

/// <summary>
/// What one mini-batch step computes: target users and contents (global indices, ascending, distinct) and, per
/// relation, the in-edges each target attends over. History rows are not part of the block: they are always the
/// user's last L interactions, read from the graph.
/// </summary>
/// <param name="Users">[Ut] target users.</param>
/// <param name="Contents">[Ct] target contents.</param>
/// <param name="Follows">Per target user: sampled followees (global user indices); the self-loop is not listed.</param>
/// <param name="Interactions">Per target user: sampled interacted contents (global content indices).</param>
/// <param name="ContentUsers">Per target content: sampled interacting users (global user indices).</param>
public sealed record SampledBlock(int[] Users, int[] Contents, BlockEdges Follows, BlockEdges Interactions,
    BlockEdges ContentUsers)
{
    /// <summary>Total sampled edges over all relations.</summary>
    public int EdgeCount => Follows.EdgeCount + Interactions.EdgeCount + ContentUsers.EdgeCount;
}
