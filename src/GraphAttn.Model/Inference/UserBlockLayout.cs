using GraphAttn.Model.Attention;
using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Model.Inference;

/// <summary>
/// A <see cref="UserBlock"/> in block-local indices, ready for the model. Local users: the T targets first (local
/// t = target t), then the other followees. Follow edges are homogeneous over all Nu local users (the GAT layer
/// shares one projection for sources and targets) but only the first T receive edges: a self-loop first, then the
/// followees in block order, as the full-graph edges. Tensors live in the caller's dispose scope.
/// Shapes: Users [Nu], Contents [Nc], Follows Nu x Nu, Interactions Nc x T, History [T, L].
/// </summary>
internal sealed record UserBlockLayout(int TargetCount, NodeTensors Users, ContentNodeTensors Contents, GatEdges Follows,
    GatEdges Interactions, HistoryTensors History)
{
    /// <summary>Lays out <paramref name="block"/>.</summary>
    public static UserBlockLayout Create(UserBlock block, BlockContext context)
    {
        block.Validate();
        var t = block.Targets.Length;
        var users = new LocalNodes();
        var seen = 0;
        foreach (var u in block.Targets)
            if (users.Add(u) != seen++) throw new ArgumentException($"user block lists target {u} twice");
        var followSources = new int[t + block.Followees.EdgeCount];
        var followTargets = new int[followSources.Length];
        var e = 0;
        for (var target = 0; target < t; target++)
        {
            (followSources[e], followTargets[e++]) = (target, target);
            foreach (var followee in block.Followees.Of(target)) (followSources[e], followTargets[e++]) = (users.Add(followee), target);
        }

        var contents = new LocalNodes();
        var interactionSources = new int[block.Contents.EdgeCount];
        var interactionTargets = new int[interactionSources.Length];
        e = 0;
        for (var target = 0; target < t; target++)
            foreach (var content in block.Contents.Of(target)) (interactionSources[e], interactionTargets[e++]) = (contents.Add(content), target);
        var history = block.History;
        var items = new long[history.Items.Length];
        for (var i = 0; i < items.Length; i++) items[i] = history.Padding[i] ? 0 : contents.Add((int)history.Items[i]);
        // Padded history slots point at local content 0, so keep one row even when the block has no contents.
        if (contents.Count == 0) contents.AddPlaceholder();

        var follows = GatEdges.FromPairs(followSources, followTargets, users.Count, users.Count, addSelfLoops: false);
        var interactions = GatEdges.FromPairs(interactionSources, interactionTargets, contents.Count, t, addSelfLoops: false);
        var l = history.Length;
        var historyTensors = new HistoryTensors(tensor(items).view(t, l), tensor(history.Kinds).view(t, l),
            tensor(history.Ages).view(t, l), tensor(history.Padding).view(t, l));
        return new UserBlockLayout(t, NodeTensors.Create(users.Globals, context.Rows.UserRow),
            ContentNodeTensors.Create(contents.Globals, context), follows, interactions, historyTensors);
    }

    /// <summary>Edge id (in <see cref="Follows"/>) of target <paramref name="t"/>'s <paramref name="k"/>-th followee.</summary>
    public int FolloweeEdge(int t, int k) => Follows.TargetOffsets[t] + 1 + k;
}
