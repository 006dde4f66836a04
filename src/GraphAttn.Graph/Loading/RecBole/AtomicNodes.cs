namespace GraphAttn.Graph.Loading.RecBole;

/// <summary>Users, items and topics of a RecBole dataset in first-seen order, then the graph built from them.</summary>
internal sealed class AtomicNodes
{
    private readonly List<(string Id, string Name)> _users = [];
    private readonly List<(string Id, string Title, string[] Topics)> _items = [];
    private readonly HashSet<string> _userIds = [];
    private readonly HashSet<string> _itemIds = [];
    private readonly List<string> _topics = [];
    private readonly HashSet<string> _topicIds = [];

    public void ReadUsers(TabFile file, CancellationToken ct)
    {
        var h = AtomicHeader.Read(file);
        var id = h.Require(file, "user_id");
        var name = h.TitleField();
        foreach (var r in file.Rows(h.Count))
        {
            ct.ThrowIfCancellationRequested();
            if (!_userIds.Add(r[id])) throw r.Error($"duplicate user_id '{r[id]}'");
            _users.Add((r[id], name >= 0 ? r[name] : ""));
        }
    }

    public void ReadItems(TabFile file, CancellationToken ct)
    {
        var h = AtomicHeader.Read(file);
        var id = h.Require(file, "item_id");
        var title = h.TitleField();
        var sequences = h.Sequences(title).ToArray();
        foreach (var r in file.Rows(h.Count))
        {
            ct.ThrowIfCancellationRequested();
            if (!_itemIds.Add(r[id])) throw r.Error($"duplicate item_id '{r[id]}'");
            var topics = sequences.SelectMany(s => r[s].Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToArray();
            foreach (var t in topics.Where(_topicIds.Add)) _topics.Add(t);
            _items.Add((r[id], title >= 0 ? r[title] : "", topics));
        }
    }

    public void EnsureUser(string id)
    {
        if (_userIds.Add(id)) _users.Add((id, ""));
    }

    public void EnsureItem(string id)
    {
        if (_itemIds.Add(id)) _items.Add((id, "", []));
    }

    /// <summary>Reads a .net file (source_id, target_id) into edges, adding unseen users.</summary>
    public static List<(string From, string To)> ReadEdges(TabFile file, AtomicNodes nodes, CancellationToken ct)
    {
        var h = AtomicHeader.Read(file);
        int s = h.Require(file, "source_id"), t = h.Require(file, "target_id");
        var edges = new List<(string, string)>();
        foreach (var r in file.Rows(h.Count))
        {
            ct.ThrowIfCancellationRequested();
            if (r[s].Length == 0 || r[t].Length == 0) throw r.Error("source_id and target_id must not be empty");
            nodes.EnsureUser(r[s]);
            nodes.EnsureUser(r[t]);
            edges.Add((r[s], r[t]));
        }
        return edges;
    }

    public SocialGraph Build(AtomicInteractions inter, List<(string From, string To)> net)
    {
        var b = new GraphBuilder();
        foreach (var (id, name) in _users) b.AddUser(id, name);
        foreach (var (id, title, _) in _items) b.AddContent(id, title);
        foreach (var t in _topics) b.AddTopic(t, t);
        foreach (var (id, _, topics) in _items)
            foreach (var t in topics) b.AddTagged(id, t);
        inter.AddTo(b);
        foreach (var (from, to) in net) b.AddFollow(from, to);
        return b.Build();
    }
}
