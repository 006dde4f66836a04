using GraphAttn.Graph.Matrices;

namespace GraphAttn.Graph.Splits;

/// <summary>
/// Rebuilds a graph without its held-out parts, so that every method (including the product baselines and the
/// model, which read a <see cref="SocialGraph"/>) trains on exactly the training data. Nodes are replayed in index
/// order, so user, content and topic indices are the same in both graphs.
/// </summary>
public static class TrainGraph
{
    /// <summary>The graph minus every interaction record of a held-out (user, content) pair and minus held-out follows.</summary>
    /// <param name="full">The complete graph the split was made from.</param>
    /// <param name="split">What to remove.</param>
    /// <param name="keepValidation">True keeps validation pairs in training (for a final fit); default false.</param>
    public static SocialGraph Build(SocialGraph full, DatasetSplit split, bool keepValidation = false)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(split);
        var b = new GraphBuilder();
        for (var u = 0; u < full.UserCount; u++) b.AddUser(full.Users[u], full.UserNames[u]);
        for (var c = 0; c < full.ContentCount; c++) b.AddContent(full.Contents[c], full.ContentTitles[c]);
        for (var t = 0; t < full.TopicCount; t++) b.AddTopic(full.Topics[t], full.TopicNames[t]);
        foreach (var (from, to) in GraphViews.FollowEdges(full))
        {
            if (!split.FriendTest.Contains(from, to)) b.AddFollow(full.Users[from], full.Users[to]);
        }
        var log = full.Interactions;
        for (var u = 0; u < full.UserCount; u++)
        {
            var range = log.Range(u);
            for (var i = range.Start.Value; i < range.End.Value; i++)
            {
                var c = log.Content[i];
                if (split.ContentTest.Contains(u, c) || (!keepValidation && split.ContentValid.Contains(u, c))) continue;
                b.AddInteraction(full.Users[u], full.Contents[c], log.Kinds[i], log.Timestamps[i], log.Weights[i]);
            }
        }
        for (var c = 0; c < full.ContentCount; c++)
        {
            if (full.ContentAuthor[c] >= 0) b.AddPosted(full.Users[full.ContentAuthor[c]], full.Contents[c]);
            foreach (var t in full.ContentTopics.Neighbors(c)) b.AddTagged(full.Contents[c], full.Topics[t]);
        }
        return b.Build();
    }
}
