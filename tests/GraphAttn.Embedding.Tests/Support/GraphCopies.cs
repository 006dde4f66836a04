using GraphAttn.Graph;

namespace GraphAttn.Embedding.Tests.Support;

/// <summary>Rebuilds a graph with its nodes inserted in reverse order, optionally with one more user.</summary>
internal static class GraphCopies
{
    public static SocialGraph Reversed(SocialGraph g, string? extraUser = null, IEnumerable<string>? extraFollows = null)
    {
        var b = new GraphBuilder();
        for (var u = g.UserCount - 1; u >= 0; u--) b.AddUser(g.Users[u], g.UserNames[u]);
        for (var c = g.ContentCount - 1; c >= 0; c--) b.AddContent(g.Contents[c], g.ContentTitles[c]);
        for (var t = g.TopicCount - 1; t >= 0; t--) b.AddTopic(g.Topics[t], g.TopicNames[t]);
        for (var c = 0; c < g.ContentCount; c++)
            foreach (var t in g.ContentTopics.Neighbors(c)) b.AddTagged(g.Contents[c], g.Topics[t]);
        for (var u = 0; u < g.UserCount; u++)
        {
            foreach (var v in g.Following.Neighbors(u)) b.AddFollow(g.Users[u], g.Users[v]);
            var log = g.Interactions;
            for (var i = log.Offsets[u]; i < log.Offsets[u + 1]; i++)
                b.AddInteraction(g.Users[u], g.Contents[log.Content[i]], log.Kinds[i], log.Timestamps[i], log.Weights[i]);
        }
        if (extraUser is not null)
        {
            b.AddUser(extraUser);
            foreach (var v in extraFollows ?? []) b.AddFollow(extraUser, v);
        }
        return b.Build();
    }
}
