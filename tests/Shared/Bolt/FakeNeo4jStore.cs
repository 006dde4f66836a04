using GraphAttn.Neo4j.Events;
using GraphAttn.Neo4j.Graph;

namespace GraphAttn.Tests.Shared.Bolt;

/// <summary>
/// The data behind <see cref="FakeNeo4j"/> and what each statement GraphAttn sends does to it, written from the
/// statements' Cypher (default schema): the full load's keyset pages (<see cref="CypherQueries"/>), the change feed
/// (<see cref="ChangeQueries"/>), the event writes (<see cref="EventStatements"/>, with their MERGE and last-writer-wins
/// conditions), index creation and <c>timestamp()</c>. Any other statement is unknown. Thread-safe.
/// </summary>
internal sealed class FakeNeo4jStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Func<IReadOnlyDictionary<string, object?>, Result>> _statements = [];
    private long _clock = 1_000_000;
    private long _keys;

    public SortedDictionary<string, (string Name, long Updated)> Users { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, (string Title, long Updated)> Contents { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> Topics { get; } = new(StringComparer.Ordinal);
    public HashSet<(string Content, string Topic)> Tagged { get; } = [];
    public Dictionary<string, string> Authors { get; } = [];
    public List<Rel> Interactions { get; } = [];
    public Dictionary<(string From, string To), Rel> Follows { get; } = [];
    public Dictionary<(string From, string To), Rel> Tombstones { get; } = [];

    /// <summary>A relationship: element id, ends, the time it holds, its event id, kind/weight for interactions, change time.</summary>
    public sealed record Rel(string Key, string From, string To, long At, string? EventId, long Updated, string Kind = "view", double Weight = 1, long Since = 0);

    /// <summary>Columns and rows of one statement's result.</summary>
    public sealed record Result(string[] Fields, List<object?[]> Rows);

    public FakeNeo4jStore()
    {
        var s = new Neo4jSchema();
        var load = new CypherQueries(s);
        var changes = new ChangeQueries(s);
        var writes = new EventStatements(s);
        _statements[Neo4jGraphSource.ServerTimeQuery] = _ => new(["now"], [[Tick()]]);
        foreach (var index in writes.Indexes) _statements[index] = _ => new([], []);
        _statements[load.Users] = p => Nodes(p, Users.Select(u => (u.Key, (object?)u.Value.Name)), "name");
        _statements[load.Contents] = p => Nodes(p, Contents.Select(c => (c.Key, (object?)c.Value.Title)), "title");
        _statements[load.Topics] = p => Nodes(p, Topics.Select(t => (t.Key, (object?)t.Value)), "name");
        _statements[load.Follows] = p => Anchored(p, Users.Keys, ["since"], Follows.Values.Select(f => (f.From, new object?[] { f.To, f.Since })));
        _statements[load.Interactions] = p => Anchored(p, Users.Keys, ["kind", "ts", "weight"],
            Interactions.Select(x => (x.From, new object?[] { x.To, x.Kind, x.At, x.Weight })));
        _statements[load.Posted] = p => Anchored(p, Users.Keys, ["ts"], Authors.Select(a => (a.Value, new object?[] { a.Key, 0L })));
        _statements[load.Tagged] = p => Anchored(p, Contents.Keys, ["unused"], Tagged.Select(t => (t.Content, new object?[] { t.Topic, null })));
        _statements[changes.Users] = p => Changed(p, ["key", "name", "updated"], Users.Select(u => (u.Value.Updated, u.Key, new object?[] { u.Key, u.Value.Name, u.Value.Updated })));
        _statements[changes.Contents] = p => Changed(p, ["key", "title", "updated", "topics", "authors"], Contents.Select(c => (c.Value.Updated, c.Key, new object?[]
        {
            c.Key, c.Value.Title, c.Value.Updated,
            Tagged.Where(t => t.Content == c.Key).Select(t => (object?)new object?[] { t.Topic, Topics[t.Topic] }).ToArray(),
            Authors.TryGetValue(c.Key, out var a) ? new object?[] { a } : Array.Empty<object?>(),
        })));
        _statements[changes.Interactions] = p => Changed(p, ["key", "from", "to", "kind", "at", "weight", "id", "updated"],
            Interactions.Select(x => (x.Updated, x.Key, new object?[] { x.Key, x.From, x.To, x.Kind, x.At, x.Weight, x.EventId, x.Updated })));
        _statements[changes.Follows] = p => Changed(p, ["key", "from", "to", "at", "id", "updated"], Follows.Values.Select(Row));
        _statements[changes.Unfollows] = p => Changed(p, ["key", "from", "to", "at", "id", "updated"], Tombstones.Values.Select(Row));
        _statements[writes.Users] = p => Each(p, e =>
        {
            var (id, name) = ((string)e["id"]!, (string)e["name"]!);
            if (!Users.TryGetValue(id, out var user)) Users[id] = (name, Tick());
            else if (name.Length > 0 && user.Name != name) Users[id] = (name, Tick());
        });
        _statements[writes.NewContents] = p => Each(p, e =>
        {
            var id = (string)e["id"]!;
            if (Contents.ContainsKey(id)) return;
            Contents[id] = ((string)e["title"]!, Tick());
            foreach (var topic in ((object?[])e["topics"]!).Cast<IReadOnlyDictionary<string, object?>>())
            {
                Topics.TryAdd((string)topic["id"]!, (string)topic["name"]!);
                Tagged.Add((id, (string)topic["id"]!));
            }

            if (Users.ContainsKey((string)e["author"]!)) Authors[id] = (string)e["author"]!;
        });
        _statements[writes.Retitles] = p => Each(p, e =>
        {
            var (id, title) = ((string)e["id"]!, (string)e["title"]!);
            if (Contents.TryGetValue(id, out var c) && title.Length > 0 && c.Title != title) Contents[id] = (title, Tick());
        });
        _statements[writes.Interactions] = p => Each(p, e =>
        {
            var (user, content, id) = ((string)e["user"]!, (string)e["content"]!, (string)e["id"]!);
            if (!Users.ContainsKey(user) || !Contents.ContainsKey(content)) return;
            if (Interactions.Any(x => x.From == user && x.To == content && x.EventId == id)) return;
            Interactions.Add(new Rel(Key(), user, content, (long)e["at"]!, id, Tick(), (string)e["kind"]!, (double)e["weight"]!));
        });
        _statements[writes.Follows] = p => Each(p, e =>
        {
            var (pair, at, id) = (((string)e["from"]!, (string)e["to"]!), (long)e["at"]!, (string)e["id"]!);
            if (!Users.ContainsKey(pair.Item1) || !Users.ContainsKey(pair.Item2)) return;
            if (Tombstones.TryGetValue(pair, out var t) && t.At > at) return;
            Tombstones.Remove(pair);
            if (!Follows.TryGetValue(pair, out var r)) Follows[pair] = new Rel(Key(), pair.Item1, pair.Item2, at, id, Tick(), Since: at);
            else if (r.At < at) Follows[pair] = r with { At = at, EventId = id, Updated = Tick() };
        });
        _statements[writes.Unfollows] = p => Each(p, e =>
        {
            var (pair, at, id) = (((string)e["from"]!, (string)e["to"]!), (long)e["at"]!, (string)e["id"]!);
            if (!Users.ContainsKey(pair.Item1) || !Users.ContainsKey(pair.Item2)) return;
            if (Follows.TryGetValue(pair, out var r) && r.At > at) return;
            Follows.Remove(pair);
            if (!Tombstones.TryGetValue(pair, out var t)) Tombstones[pair] = new Rel(Key(), pair.Item1, pair.Item2, at, id, Tick());
            else if (t.At < at) Tombstones[pair] = t with { At = at, EventId = id, Updated = Tick() };
        });
    }

    /// <summary>Loads graph-seeds rows, as graph-seeds/load.cypher would (no change times: they predate every sync).</summary>
    public FakeNeo4jStore With(SeedData data)
    {
        lock (_gate)
        {
            foreach (var u in data.Users) Users[u.Id] = (u.Name, 0);
            foreach (var c in data.Contents) Contents[c.Id] = (c.Title, 0);
            foreach (var t in data.Topics) Topics[t.Id] = t.Name;
            foreach (var f in data.Follows) Follows[(f.From, f.To)] = new Rel(Key(), f.From, f.To, f.Since, null, 0, Since: f.Since);
            foreach (var x in data.Interactions) Interactions.Add(new Rel(Key(), x.User, x.Content, x.Ts, null, 0, x.Kind, x.Weight));
            foreach (var p in data.Posted) Authors[p.Content] = p.User;
            foreach (var t in data.Tagged) Tagged.Add((t.Content, t.Topic));
        }

        return this;
    }

    /// <summary>Runs one statement; throws <see cref="KeyNotFoundException"/> for one it does not know.</summary>
    public Result Run(string query, IReadOnlyDictionary<string, object?> parameters)
    {
        if (!_statements.TryGetValue(query, out var statement)) throw new KeyNotFoundException(query);
        lock (_gate) return statement(parameters);
    }

    /// <summary>Reads the store under its lock.</summary>
    public T Read<T>(Func<FakeNeo4jStore, T> read)
    {
        lock (_gate) return read(this);
    }

    private long Tick() => Interlocked.Increment(ref _clock);

    private string Key() => $"5:fake:{Interlocked.Increment(ref _keys)}";

    private static (long, string, object?[]) Row(Rel r) => (r.Updated, r.Key, [r.Key, r.From, r.To, r.At, r.EventId, r.Updated]);

    private static Result Nodes(IReadOnlyDictionary<string, object?> p, IEnumerable<(string Id, object? Value)> nodes, string column)
    {
        var (after, limit) = ((string)p["after"]!, (long)p["limit"]!);
        return new(["id", column], [.. nodes.Where(n => string.CompareOrdinal(n.Id, after) > 0).Take((int)limit).Select(n => new object?[] { n.Id, n.Value })]);
    }

    // The full load's relationship pages: anchors after $after, each with its relationships or one row of nulls.
    private static Result Anchored(IReadOnlyDictionary<string, object?> p, IEnumerable<string> anchors, string[] columns,
        IEnumerable<(string From, object?[] Tail)> rels)
    {
        var (after, limit) = ((string)p["after"]!, (long)p["limit"]!);
        var byAnchor = rels.ToLookup(r => r.From);
        var rows = new List<object?[]>();
        foreach (var anchor in anchors.Where(a => string.CompareOrdinal(a, after) > 0).Take((int)limit))
        {
            if (!byAnchor[anchor].Any()) rows.Add([anchor, .. new object?[columns.Length + 1]]);
            foreach (var (_, tail) in byAnchor[anchor]) rows.Add([anchor, .. tail]);
        }

        return new(["from", "to", .. columns], rows);
    }

    // The change feed's pages: (updated, key) after ($since, $after), ordered, $limit of them.
    private static Result Changed(IReadOnlyDictionary<string, object?> p, string[] fields, IEnumerable<(long Updated, string Key, object?[] Row)> rows)
    {
        var (since, after, limit) = ((long)p["since"]!, (string)p["after"]!, (long)p["limit"]!);
        return new(fields, [.. rows.Where(r => r.Updated > since || (r.Updated == since && string.CompareOrdinal(r.Key, after) > 0))
            .OrderBy(r => r.Updated).ThenBy(r => r.Key, StringComparer.Ordinal).Take((int)limit).Select(r => r.Row)]);
    }

    private static Result Each(IReadOnlyDictionary<string, object?> p, Action<IReadOnlyDictionary<string, object?>> write)
    {
        foreach (var row in ((object?[])p["rows"]!).Cast<IReadOnlyDictionary<string, object?>>()) write(row);
        return new([], []);
    }
}
