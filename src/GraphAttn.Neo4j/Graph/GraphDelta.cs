using GraphAttn.Graph;

namespace GraphAttn.Neo4j.Graph;

/// <summary>
/// What changed in Neo4j after a timestamp (see <see cref="Neo4jGraphSource.LoadChangesAsync"/>): nodes created
/// and relationships stamped after it. <see cref="ApplyTo"/> folds it into an earlier graph.
/// </summary>
public sealed class GraphDelta : IGraphRows
{
    /// <summary>The timestamp (epoch ms) the delta starts after.</summary>
    public long SinceMs { get; init; }
    /// <summary>New users: (id, name).</summary>
    public List<(string Id, string Name)> Users { get; } = [];
    /// <summary>New content: (id, title).</summary>
    public List<(string Id, string Title)> Contents { get; } = [];
    /// <summary>All topics (they carry no timestamp; known ones are skipped when applied).</summary>
    public List<(string Id, string Name)> Topics { get; } = [];
    /// <summary>New follows.</summary>
    public List<(string From, string To, long SinceMs)> Follows { get; } = [];
    /// <summary>New interactions.</summary>
    public List<(string User, string Content, InteractionKind Kind, long TsMs, float Weight)> Interactions { get; } = [];
    /// <summary>New authorships.</summary>
    public List<(string User, string Content, long TsMs)> Posted { get; } = [];
    /// <summary>Tags of the new content.</summary>
    public List<(string Content, string Topic)> Tagged { get; } = [];

    /// <summary>
    /// A new graph holding <paramref name="previous"/> plus this delta. Follow and posting times are not kept by
    /// <see cref="SocialGraph"/>, so edges carried over keep 0 for them (the fingerprint does not include them).
    /// </summary>
    public SocialGraph ApplyTo(SocialGraph previous)
    {
        var b = new GraphBuilder();
        for (var i = 0; i < previous.UserCount; i++) b.AddUser(previous.Users[i], previous.UserNames[i]);
        foreach (var (id, name) in Users.Where(u => !previous.Users.TryGetIndex(u.Id, out _))) b.AddUser(id, name);
        for (var i = 0; i < previous.ContentCount; i++) b.AddContent(previous.Contents[i], previous.ContentTitles[i]);
        foreach (var (id, title) in Contents.Where(c => !previous.Contents.TryGetIndex(c.Id, out _))) b.AddContent(id, title);
        for (var i = 0; i < previous.TopicCount; i++) b.AddTopic(previous.Topics[i], previous.TopicNames[i]);
        foreach (var (id, name) in Topics.Where(t => !previous.Topics.TryGetIndex(t.Id, out _))) b.AddTopic(id, name);
        CopyEdges(previous, b);
        foreach (var f in Follows) b.AddFollow(f.From, f.To, f.SinceMs);
        foreach (var x in Interactions) b.AddInteraction(x.User, x.Content, x.Kind, x.TsMs, x.Weight);
        foreach (var p in Posted) b.AddPosted(p.User, p.Content, p.TsMs);
        foreach (var t in Tagged) b.AddTagged(t.Content, t.Topic);
        return b.Build();
    }

    void IGraphRows.User(string id, string name) => Users.Add((id, name));
    void IGraphRows.Content(string id, string title) => Contents.Add((id, title));
    void IGraphRows.Topic(string id, string name) => Topics.Add((id, name));
    void IGraphRows.Follow(string from, string to, long sinceMs) => Follows.Add((from, to, sinceMs));
    void IGraphRows.Interaction(string user, string content, InteractionKind kind, long tsMs, float weight) =>
        Interactions.Add((user, content, kind, tsMs, weight));
    void IGraphRows.Posted(string user, string content, long tsMs) => Posted.Add((user, content, tsMs));
    void IGraphRows.Tagged(string content, string topic) => Tagged.Add((content, topic));

    private static void CopyEdges(SocialGraph g, GraphBuilder b)
    {
        for (var u = 0; u < g.UserCount; u++)
        {
            foreach (var v in g.Following.Neighbors(u)) b.AddFollow(g.Users[u], g.Users[v]);
            var log = g.Interactions;
            for (var k = log.Offsets[u]; k < log.Offsets[u + 1]; k++)
            {
                b.AddInteraction(g.Users[u], g.Contents[log.Content[k]], log.Kinds[k], log.Timestamps[k], log.Weights[k]);
            }
        }

        for (var c = 0; c < g.ContentCount; c++)
        {
            if (g.ContentAuthor[c] >= 0) b.AddPosted(g.Users[g.ContentAuthor[c]], g.Contents[c]);
            foreach (var t in g.ContentTopics.Neighbors(c)) b.AddTagged(g.Contents[c], g.Topics[t]);
        }
    }
}
