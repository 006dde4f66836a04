namespace GraphAttn.Seeds.Writing;

/// <summary>File names and exact header rows of a graph-seeds folder (neo4j-admin import headers).</summary>
public static class SeedCsvLayout
{
    /// <summary>Subfolder holding the planted truth; graph loaders ignore it.</summary>
    public const string PlantedFolder = "planted";

    /// <summary>The seven graph files, name -> header columns, in the order they are written.</summary>
    public static readonly IReadOnlyList<(string File, string[] Header)> Graph =
    [
        ("users.csv", ["userId:ID(User)", "name", "joinedAt:long"]),
        ("contents.csv", ["contentId:ID(Content)", "title", "createdAt:long"]),
        ("topics.csv", ["topicId:ID(Topic)", "name"]),
        ("follows.csv", [":START_ID(User)", ":END_ID(User)", "since:long"]),
        ("interactions.csv", [":START_ID(User)", ":END_ID(Content)", "kind", "ts:long", "weight:float"]),
        ("posted.csv", [":START_ID(User)", ":END_ID(Content)", "ts:long"]),
        ("tagged.csv", [":START_ID(Content)", ":END_ID(Topic)"]),
    ];

    /// <summary>The planted-truth files under <see cref="PlantedFolder"/>, name -> header columns.</summary>
    public static readonly IReadOnlyList<(string File, string[] Header)> Planted =
    [
        ("communities.csv", ["userId", "community"]),
        ("community_topics.csv", ["community", "topicId", "weight"]),
        ("user_interests.csv", ["userId", "topicId", "weight"]),
        ("summary.csv", ["key", "value"]),
    ];

    /// <summary>Header of graph file <paramref name="file"/>.</summary>
    public static string[] HeaderOf(string file) => Graph.Concat(Planted).First(f => f.File == file).Header;

    /// <summary>User id of index <paramref name="user"/>: u000001 for index 0 (wider past 999,999).</summary>
    public static string UserId(int user) => $"u{user + 1:D6}";

    /// <summary>Content id of index <paramref name="content"/>: c000001 for index 0.</summary>
    public static string ContentId(int content) => $"c{content + 1:D6}";

    /// <summary>Topic id of index <paramref name="topic"/>: t001 for index 0.</summary>
    public static string TopicId(int topic) => $"t{topic + 1:D3}";
}
