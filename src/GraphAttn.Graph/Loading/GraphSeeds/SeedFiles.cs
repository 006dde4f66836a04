namespace GraphAttn.Graph.Loading.GraphSeeds;

/// <summary>File names of a graph-seeds folder (neo4j-admin import layout). Only users.csv is mandatory.</summary>
public static class SeedFiles
{
    /// <summary>User nodes: <c>userId:ID(User),name,joinedAt:long</c>.</summary>
    public const string Users = "users.csv";
    /// <summary>Content nodes: <c>contentId:ID(Content),title,createdAt:long</c>.</summary>
    public const string Contents = "contents.csv";
    /// <summary>Topic nodes: <c>topicId:ID(Topic),name</c>.</summary>
    public const string Topics = "topics.csv";
    /// <summary>FOLLOWS: <c>:START_ID(User),:END_ID(User),since:long</c>.</summary>
    public const string Follows = "follows.csv";
    /// <summary>INTERACTED: <c>:START_ID(User),:END_ID(Content),kind,ts:long,weight:float</c>.</summary>
    public const string Interactions = "interactions.csv";
    /// <summary>POSTED: <c>:START_ID(User),:END_ID(Content),ts:long</c>.</summary>
    public const string Posted = "posted.csv";
    /// <summary>TAGGED: <c>:START_ID(Content),:END_ID(Topic)</c>.</summary>
    public const string Tagged = "tagged.csv";
}
