namespace GraphAttn.Graph;

/// <summary>
/// Accumulates nodes and relationships by external id, validating as it goes, and produces an immutable
/// <see cref="SocialGraph"/>. Nodes must be added before relationships that name them.
/// Duplicate node ids and relationships naming unknown ids throw <see cref="GraphDataException"/>;
/// self-follows are dropped and duplicate follows collapse to one edge (counted in <see cref="Report"/>).
/// Threading: nodes are added from one thread; once every node is in, each relationship kind (follows,
/// interactions, posts, tags) may be added from its own thread, since each kind has its own buffer and the id maps
/// are then only read.
/// </summary>
public sealed class GraphBuilder
{
    private readonly IdMap _users = new();
    private readonly IdMap _contents = new();
    private readonly IdMap _topics = new();
    private readonly List<string> _userNames = [];
    private readonly List<string> _contentTitles = [];
    private readonly List<string> _topicNames = [];
    private readonly EdgeList _follows = new();
    private readonly EdgeList _tagged = new();
    private readonly InteractionBuffer _interactions = new();
    private readonly Dictionary<int, int> _authors = [];

    /// <summary>What was dropped or collapsed while building.</summary>
    public BuildReport Report { get; } = new();

    /// <summary>Adds a user; throws on a duplicate id.</summary>
    public int AddUser(string id, string name = "") =>
        AddNode(_users, _userNames, "User", id, name);

    /// <summary>Adds a content item; throws on a duplicate id.</summary>
    public int AddContent(string id, string title = "") =>
        AddNode(_contents, _contentTitles, "Content", id, title);

    /// <summary>Adds a topic; throws on a duplicate id.</summary>
    public int AddTopic(string id, string name = "") =>
        AddNode(_topics, _topicNames, "Topic", id, name);

    /// <summary>Adds <paramref name="from"/> FOLLOWS <paramref name="to"/>. Self-follows are dropped.</summary>
    public void AddFollow(ReadOnlySpan<char> from, ReadOnlySpan<char> to, long sinceMs = 0)
    {
        var a = Resolve(_users, "User", from);
        var b = Resolve(_users, "User", to);
        if (a == b) { Report.SelfFollowsDropped++; return; }
        _follows.Add(a, b);
    }

    /// <summary>Records an interaction of a user with a content item at a time.</summary>
    public void AddInteraction(ReadOnlySpan<char> user, ReadOnlySpan<char> content, InteractionKind kind, long tsMs, float weight = 1f)
    {
        if (!float.IsFinite(weight) || weight < 0) throw new GraphDataException($"weight must be a finite number >= 0, got {weight}");
        _interactions.Add(Resolve(_users, "User", user), Resolve(_contents, "Content", content), tsMs, kind, weight);
    }

    /// <summary>Records that <paramref name="user"/> POSTED <paramref name="content"/>; a content has one author.</summary>
    public void AddPosted(ReadOnlySpan<char> user, ReadOnlySpan<char> content, long tsMs = 0)
    {
        var u = Resolve(_users, "User", user);
        var c = Resolve(_contents, "Content", content);
        if (!_authors.TryAdd(c, u))
            throw new GraphDataException($"Content '{content}' already has an author ('{_users[_authors[c]]}')");
    }

    /// <summary>Records that <paramref name="content"/> is TAGGED with <paramref name="topic"/>.</summary>
    public void AddTagged(ReadOnlySpan<char> content, ReadOnlySpan<char> topic) =>
        _tagged.Add(Resolve(_contents, "Content", content), Resolve(_topics, "Topic", topic));

    /// <summary>Index of a user id, if known (for loaders that read nodes lazily).</summary>
    public bool TryGetUser(ReadOnlySpan<char> id, out int index) => _users.TryGetIndex(id, out index);

    /// <summary>Freezes everything into a <see cref="SocialGraph"/>. The builder must not be used afterwards.</summary>
    public SocialGraph Build()
    {
        int nu = _users.Count, nc = _contents.Count, nt = _topics.Count;
        Csr following = null!, followers = null!, contentTopics = null!, topicContents = null!, contentUsers = null!;
        InteractionLog log = null!;
        // The three adjacency families are independent: build them side by side.
        Concurrently.Run(
            () =>
            {
                log = _interactions.ToLog(nu);
                contentUsers = ContentUsersOf(log, nc);
            },
            () =>
            {
                following = Csr.FromEdges(nu, _follows.Sources, _follows.Targets);
                followers = following.Transpose(nu);
                contentTopics = Csr.FromEdges(nc, _tagged.Sources, _tagged.Targets);
                topicContents = contentTopics.Transpose(nt);
            });
        Report.DuplicateFollowsCollapsed = _follows.Count - following.EdgeCount;
        var authors = new int[nc];
        Array.Fill(authors, -1);
        foreach (var (c, u) in _authors) authors[c] = u;

        var graph = new SocialGraph
        {
            Users = _users,
            Contents = _contents,
            Topics = _topics,
            UserNames = [.. _userNames],
            ContentTitles = [.. _contentTitles],
            TopicNames = [.. _topicNames],
            Following = following,
            Followers = followers,
            Interactions = log,
            ContentUsers = contentUsers,
            ContentTopics = contentTopics,
            TopicContents = topicContents,
            ContentAuthor = authors,
        };
        graph.Fingerprint = GraphFingerprint.Compute(graph);
        return graph;
    }

    private static Csr ContentUsersOf(InteractionLog log, int contentCount)
    {
        var users = new int[log.Count];
        for (var u = 0; u < log.UserCount; u++) users.AsSpan(log.Range(u)).Fill(u);
        return Csr.FromEdges(contentCount, log.Content, users);
    }

    private static int AddNode(IdMap map, List<string> names, string label, string id, string name)
    {
        if (string.IsNullOrEmpty(id)) throw new GraphDataException($"{label} id is empty");
        if (!map.TryAdd(id, out var index)) throw new GraphDataException($"duplicate {label} id '{id}'");
        names.Add(name ?? "");
        return index;
    }

    private static int Resolve(IdMap map, string label, ReadOnlySpan<char> id) =>
        map.TryGetIndex(id, out var index) ? index : throw new GraphDataException($"unknown {label} id '{id}'");
}
