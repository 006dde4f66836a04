using GraphAttn.Model.Attention;

namespace GraphAttn.Model.Inference;

/// <summary>
/// A <see cref="ContentBlock"/> in block-local indices: local contents are the T targets; local users are the
/// interacting users in first-seen order (one placeholder row when there are none, so tensors are never empty).
/// Shapes: Users [Nu], Contents [T], Edges Nu x T.
/// </summary>
internal sealed record ContentBlockLayout(NodeTensors Users, ContentNodeTensors Contents, GatEdges Edges)
{
    /// <summary>Lays out <paramref name="block"/>.</summary>
    public static ContentBlockLayout Create(ContentBlock block, BlockContext context)
    {
        block.Validate();
        var t = block.Targets.Length;
        var contents = new LocalNodes();
        var seen = 0;
        foreach (var c in block.Targets)
            if (contents.Add(c) != seen++) throw new ArgumentException($"content block lists target {c} twice");
        var users = new LocalNodes();
        var sources = new int[block.Users.EdgeCount];
        var targets = new int[sources.Length];
        var e = 0;
        for (var target = 0; target < t; target++)
            foreach (var user in block.Users.Of(target)) (sources[e], targets[e++]) = (users.Add(user), target);
        if (users.Count == 0) users.AddPlaceholder();
        var edges = GatEdges.FromPairs(sources, targets, users.Count, t, addSelfLoops: false);
        return new ContentBlockLayout(NodeTensors.Create(users.Globals, context.Rows.UserRow),
            ContentNodeTensors.Create(contents.Globals, context), edges);
    }
}
