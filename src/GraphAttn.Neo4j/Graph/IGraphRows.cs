using GraphAttn.Graph;

namespace GraphAttn.Neo4j.Graph;

/// <summary>
/// Receives the rows <see cref="Neo4jGraphSource"/> reads, page by page: straight into a <see cref="GraphBuilder"/>
/// for a full load (ids are interned as they arrive, so no row outlives its page).
/// </summary>
internal interface IGraphRows
{
    void User(string id, string name);
    void Content(string id, string title);
    void Topic(string id, string name);
    void Follow(string from, string to, long sinceMs);
    void Interaction(string user, string content, InteractionKind kind, long tsMs, float weight);
    void Posted(string user, string content, long tsMs);
    void Tagged(string content, string topic);
}

/// <summary>Feeds rows into a <see cref="GraphBuilder"/>.</summary>
internal sealed class BuilderRows(GraphBuilder b) : IGraphRows
{
    public void User(string id, string name) => b.AddUser(id, name);
    public void Content(string id, string title) => b.AddContent(id, title);
    public void Topic(string id, string name) => b.AddTopic(id, name);
    public void Follow(string from, string to, long sinceMs) => b.AddFollow(from, to, sinceMs);
    public void Interaction(string user, string content, InteractionKind kind, long tsMs, float weight) =>
        b.AddInteraction(user, content, kind, tsMs, weight);
    public void Posted(string user, string content, long tsMs) => b.AddPosted(user, content, tsMs);
    public void Tagged(string content, string topic) => b.AddTagged(content, topic);
}
