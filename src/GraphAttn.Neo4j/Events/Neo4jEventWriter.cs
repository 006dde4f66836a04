using GraphAttn.Graph;
using GraphAttn.Graph.Live;
using GraphAttn.Neo4j.Driver;
using GraphAttn.Neo4j.Graph;

namespace GraphAttn.Neo4j.Events;

/// <summary>
/// Writes a batch of graph events to Neo4j in one write transaction (a group commit: one round of UNWIND statements,
/// one per kind present, in the order users, contents, interactions, follows, unfollows, so events naming a node
/// created in the same batch find it). It is tried once: a caller that cannot wait for a retry (an event
/// acknowledgement) decides what to do when Neo4j is unreachable. Idempotent (see <see cref="EventStatements"/>), so
/// a batch whose commit outcome was lost can be written again.
/// </summary>
public sealed class Neo4jEventWriter(Neo4jDriver driver, Neo4jGraphSourceOptions? options = null)
{
    private readonly Neo4jGraphSourceOptions _options = options ?? new Neo4jGraphSourceOptions();
    private EventStatements? _statements;

    /// <summary>The statements this writer runs.</summary>
    public EventStatements Statements => _statements ??= Validated();

    /// <summary>Creates the updatedAt indexes the change feed reads by (idempotent; once per process is enough).</summary>
    public async Task EnsureIndexesAsync(CancellationToken ct)
    {
        await using var session = driver.AsyncSession(new SessionConfig { Database = _options.Database });
        foreach (string statement in Statements.Indexes)
        {
            var cursor = await session.RunAsync(statement, null, ct).ConfigureAwait(false);
            await cursor.ConsumeAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Writes <paramref name="events"/> in one transaction, or throws and writes nothing.</summary>
    public async Task WriteAsync(IReadOnlyList<GraphEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var statements = Statements;
        var work = new List<(string Statement, object?[] Rows)>();
        void Add(string statement, IEnumerable<Dictionary<string, object?>> rows)
        {
            object?[] list = [.. rows];
            if (list.Length > 0) work.Add((statement, list));
        }

        var contents = events.Where(e => e.Kind == GraphEventKind.Content).ToList();
        Add(statements.Users, events.Where(e => e.Kind == GraphEventKind.User).Select(e => Row(("id", e.UserId), ("name", e.Name), ("at", e.TimestampMs))));
        // One creation per content id (the first event's), so the statement never creates a node twice.
        Add(statements.NewContents, contents.DistinctBy(e => e.TargetId).Select(e => Row(("id", e.TargetId), ("title", e.Name), ("at", e.TimestampMs),
            ("author", e.UserId), ("topics", e.Topics.Select((t, i) => (object?)Row(("id", t), ("name", i < e.TopicNames.Count && e.TopicNames[i].Length > 0 ? e.TopicNames[i] : t))).ToArray()))));
        Add(statements.Retitles, contents.Where(e => e.Name.Length > 0).Select(e => Row(("id", e.TargetId), ("title", e.Name))));
        Add(statements.Interactions, events.Where(e => e.Kind == GraphEventKind.Interaction).Select(e => Row(("id", e.EventId),
            ("user", e.UserId), ("content", e.TargetId), ("kind", e.Interaction.ToCsv()), ("at", e.TimestampMs), ("weight", (double)e.Weight))));
        Add(statements.Follows, events.Where(e => e.Kind == GraphEventKind.Follow).Select(Edge));
        Add(statements.Unfollows, events.Where(e => e.Kind == GraphEventKind.Unfollow).Select(Edge));

        await using var session = driver.AsyncSession(new SessionConfig { Database = _options.Database });
        var tx = await session.BeginTransactionAsync(AccessMode.Write, ct).ConfigureAwait(false);
        await using (tx.ConfigureAwait(false))
        {
            foreach (var (statement, rows) in work)
            {
                var cursor = await tx.RunAsync(statement, new Dictionary<string, object?> { ["rows"] = rows }, ct).ConfigureAwait(false);
                await cursor.ConsumeAsync(ct).ConfigureAwait(false);
            }

            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    private static Dictionary<string, object?> Edge(GraphEvent e) => Row(("id", e.EventId), ("from", e.UserId), ("to", e.TargetId), ("at", e.TimestampMs));

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private EventStatements Validated()
    {
        _options.Schema.Validate();
        return new EventStatements(_options.Schema);
    }
}
