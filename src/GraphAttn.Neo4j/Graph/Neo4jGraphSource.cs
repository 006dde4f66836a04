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
    private readonly ChangeQueries _changes;

    /// <summary>Creates the source; the schema mapping is validated here.</summary>
    public Neo4jGraphSource(Neo4jDriver driver, Neo4jGraphSourceOptions? options = null)
    {
        _driver = driver;
        _options = options ?? new Neo4jGraphSourceOptions();
        _options.Schema.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.PageSize, 1);
        _queries = new CypherQueries(_options.Schema);
        _changes = new ChangeQueries(_options.Schema);
    }

    /// <summary>The query <see cref="ServerTimeAsync"/> runs.</summary>
    public const string ServerTimeQuery = "RETURN timestamp() AS now";

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
    /// The database's clock (epoch ms): the watermark to read changes from after a full load that starts now, since
    /// <see cref="Neo4jSchema.UpdatedAt"/> is stamped by the same clock whichever replica writes.
    /// </summary>
    public async Task<long> ServerTimeAsync(CancellationToken ct)
    {
        await using var session = _driver.AsyncSession(new SessionConfig { Database = _options.Database, DefaultAccessMode = AccessMode.Read });
        var rows = await session.ExecuteReadAsync(async tx =>
            await (await tx.RunAsync(ServerTimeQuery, null, ct).ConfigureAwait(false)).ToListAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        return Long(rows.Single(), "now");
    }

    /// <summary>
    /// The change feed: what was written at or after <paramref name="cursor"/> minus <paramref name="overlap"/> (users,
    /// contents with topics and author, interactions, follows, unfollow tombstones), each kind paged in
    /// (<see cref="Neo4jSchema.UpdatedAt"/>, key) order, and the cursor to go on from. The overlap re-reads writes that
    /// committed after a later one was read; what is read twice comes back as the same events.
    /// </summary>
    public async Task<GraphDelta> LoadChangesAsync(ChangeCursor cursor, TimeSpan overlap, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        long back = (long)overlap.TotalMilliseconds;
        await using var session = _driver.AsyncSession(new SessionConfig { Database = _options.Database, DefaultAccessMode = AccessMode.Read });
        var delta = new GraphDelta { Next = cursor };
        long users = await PageChangesAsync(session, _changes.Users, cursor.Users - back, r =>
            delta.Users.Add((Id(r, "key"), Text(r, "name"), Long(r, "updated"))), ct).ConfigureAwait(false);
        long contents = await PageChangesAsync(session, _changes.Contents, cursor.Contents - back, r =>
            delta.Contents.Add((Id(r, "key"), Text(r, "title"), Long(r, "updated"), Topics(r), Authors(r))), ct).ConfigureAwait(false);
        long interactions = await PageChangesAsync(session, _changes.Interactions, cursor.Interactions - back, r =>
            delta.Interactions.Add((EventIdOf(r), Id(r, "from"), Id(r, "to"), Kind(r), Long(r, "at"), Weight(r))), ct).ConfigureAwait(false);
        long follows = await PageChangesAsync(session, _changes.Follows, cursor.Follows - back, r =>
            delta.Follows.Add((EventIdOf(r), Id(r, "from"), Id(r, "to"), Long(r, "at"))), ct).ConfigureAwait(false);
        long unfollows = await PageChangesAsync(session, _changes.Unfollows, cursor.Unfollows - back, r =>
            delta.Unfollows.Add((EventIdOf(r), Id(r, "from"), Id(r, "to"), Long(r, "at"))), ct).ConfigureAwait(false);
        delta.Next = new ChangeCursor(Math.Max(cursor.Users, users), Math.Max(cursor.Contents, contents),
            Math.Max(cursor.Interactions, interactions), Math.Max(cursor.Follows, follows), Math.Max(cursor.Unfollows, unfollows));
        return delta;
    }

    // Pages one change query to the end (each page a retried read transaction, rows handed on after it committed);
    // returns the largest updatedAt read, or long.MinValue when none.
    private async Task<long> PageChangesAsync(AsyncSession session, string query, long since, Action<Record> onRow, CancellationToken ct)
    {
        var after = "";
        long newest = long.MinValue;
        while (true)
        {
            var parameters = new Dictionary<string, object?> { ["since"] = since, ["after"] = after, ["limit"] = (long)_options.PageSize };
            var page = await session.ExecuteReadAsync(async tx =>
                await (await tx.RunAsync(query, parameters, ct).ConfigureAwait(false)).ToListAsync(ct).ConfigureAwait(false), ct)
                .ConfigureAwait(false);
            foreach (var record in page)
            {
                try
                {
                    onRow(record);
                }
                catch (GraphDataException e)
                {
                    throw new GraphDataException($"neo4j change feed, after ({since}, '{after}'): {e.Problem}");
                }
            }

            if (page.Count > 0)
            {
                since = Long(page[^1], "updated");
                after = Id(page[^1], "key");
                newest = Math.Max(newest, since);
            }

            if (page.Count < _options.PageSize)
            {
                return newest;
            }
        }
    }

    // A relationship written without an event id (by the app, not by GraphAttn) is known by its element id.
    private static string EventIdOf(Record r) => r["id"] as string is { Length: > 0 } id ? id : $"neo4j:{Id(r, "key")}:{Long(r, "at")}";

    private static (string Id, string Name)[] Topics(Record r) => r["topics"] switch
    {
        null => [],
        IEnumerable<object?> list => [.. list.Select(t => t is IReadOnlyList<object?> { Count: 2 } pair && pair[0] is string id && id.Length > 0
            ? (id, pair[1] as string ?? id)
            : throw new GraphDataException($"column 'topics' must hold [id, name] pairs, got {t}"))],
        var other => throw new GraphDataException($"column 'topics' must be a list, got {other}"),
    };

    private static string Authors(Record r) => r["authors"] is IEnumerable<object?> list ? list.OfType<string>().FirstOrDefault() ?? "" : "";

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
