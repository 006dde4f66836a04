using System.Globalization;
using GraphAttn.Graph;
using GraphAttn.Neo4j.Driver;

namespace GraphAttn.Neo4j.Graph;

/// <summary>
/// Reads the social graph from Neo4j in keyset-paginated read transactions (see <see cref="CypherQueries"/>):
/// users, content, topics, then follows, interactions, authorship and tags, each streamed page by page, so memory
/// holds one page of rows besides the graph being built (ids go straight into the builder's id maps). Pages
/// are retried on transient errors. Loaded from graph-seeds/load.cypher it yields the same graph (same <see cref="SocialGraph.Fingerprint"/>) as
/// <see cref="GraphAttn.Graph.Loading.GraphSeeds.CsvGraphSource"/> on that folder. Bad data (unknown ids, bad kinds) throws
/// <see cref="GraphDataException"/> naming the stage and the row.
/// </summary>
public sealed class Neo4jGraphSource : IGraphSource
{
    private readonly Neo4jDriver _driver;
    private readonly Neo4jGraphSourceOptions _options;
    private readonly CypherQueries _queries;

    /// <summary>Creates the source; the schema mapping is validated here.</summary>
    public Neo4jGraphSource(Neo4jDriver driver, Neo4jGraphSourceOptions? options = null)
    {
        _driver = driver;
        _options = options ?? new Neo4jGraphSourceOptions();
        _options.Schema.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.PageSize, 1);
        _queries = new CypherQueries(_options.Schema);
    }

    /// <inheritdoc />
    public string Describe => $"neo4j:{_driver.Target}{(_options.Database is { } db ? "/" + db : "")}";

    /// <inheritdoc />
    public async Task<SocialGraph> LoadAsync(IProgress<GraphLoadProgress>? progress, CancellationToken ct)
    {
        var builder = new GraphBuilder();
        await ReadAsync(long.MinValue, new BuilderRows(builder), progress, ct).ConfigureAwait(false);
        return builder.Build();
    }

    /// <summary>
    /// Reads what was created after <paramref name="sinceMs"/> (epoch ms): users by joinedAt, content by createdAt,
    /// relationships by their timestamp, tags of new content, and all topics. Apply it with
    /// <see cref="GraphDelta.ApplyTo"/>.
    /// </summary>
    public async Task<GraphDelta> LoadChangesAsync(long sinceMs, IProgress<GraphLoadProgress>? progress, CancellationToken ct)
    {
        var delta = new GraphDelta { SinceMs = sinceMs };
        await ReadAsync(sinceMs, delta, progress, ct).ConfigureAwait(false);
        return delta;
    }

    private async Task ReadAsync(long sinceMs, IGraphRows rows, IProgress<GraphLoadProgress>? progress, CancellationToken ct)
    {
        await using var session = _driver.AsyncSession(new SessionConfig { Database = _options.Database, DefaultAccessMode = AccessMode.Read });
        var pager = new PagedReader(session, _options.PageSize, sinceMs, progress);
        await pager.ReadAsync("users", _queries.Users, "id", r => rows.User(Id(r, "id"), Text(r, "name")), ct).ConfigureAwait(false);
        await pager.ReadAsync("contents", _queries.Contents, "id", r => rows.Content(Id(r, "id"), Text(r, "title")), ct).ConfigureAwait(false);
        await pager.ReadAsync("topics", _queries.Topics, "id", r => rows.Topic(Id(r, "id"), Text(r, "name")), ct).ConfigureAwait(false);
        await pager.ReadAsync("follows", _queries.Follows, "from", r => rows.Follow(Id(r, "from"), Id(r, "to"), Long(r, "since")), ct).ConfigureAwait(false);
        await pager.ReadAsync("interactions", _queries.Interactions, "from", r =>
            rows.Interaction(Id(r, "from"), Id(r, "to"), Kind(r), Long(r, "ts"), Weight(r)), ct).ConfigureAwait(false);
        await pager.ReadAsync("posted", _queries.Posted, "from", r => rows.Posted(Id(r, "from"), Id(r, "to"), Long(r, "ts")), ct).ConfigureAwait(false);
        await pager.ReadAsync("tagged", _queries.Tagged, "from", r => rows.Tagged(Id(r, "from"), Id(r, "to")), ct).ConfigureAwait(false);
    }

    private static string Id(Record r, string key) => r[key] switch
    {
        string s when s.Length > 0 => s,
        var other => throw new GraphDataException($"column '{key}' must be a non-empty string id, got {other ?? "null"}"),
    };

    private static string Text(Record r, string key) => r[key] as string ?? "";

    private static long Long(Record r, string key) => r[key] switch
    {
        null => 0,
        long l => l,
        double d => (long)d,
        var other => throw new GraphDataException($"column '{key}' must be an integer (epoch ms), got {other}"),
    };

    private static float Weight(Record r) => r["weight"] switch
    {
        null => 1f,
        long l => l,
        double d => (float)d,
        var other => throw new GraphDataException($"column 'weight' must be a number, got {other}"),
    };

    private static InteractionKind Kind(Record r) =>
        r["kind"] is string s && InteractionKinds.TryParse(s, out var kind)
            ? kind
            : throw new GraphDataException(string.Format(CultureInfo.InvariantCulture,
                "column 'kind': '{0}' is not one of view, like, comment, share, play", r["kind"]));
}
