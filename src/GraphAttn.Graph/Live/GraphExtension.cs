namespace GraphAttn.Graph.Live;

/// <summary>What <see cref="GraphExtension.Extend"/> did.</summary>
/// <param name="Graph">The extended graph (the same instance when nothing changed).</param>
/// <param name="Changed">Per input event, whether it created or renamed a node.</param>
public sealed record ExtensionResult(SocialGraph Graph, bool[] Changed);

/// <summary>
/// Adds users, contents and topics to a graph without touching its edges: id maps, names and the per-node arrays are
/// copied and grown, the edge arrays (follows, interactions) are shared with the old graph. This is how a new user is
/// answerable at once without rebuilding the graph: O(nodes + tags), not O(edges). New nodes take the indices after
/// the existing ones, so every index keeps its meaning. The fingerprint is updated from the added nodes alone (a
/// rename recomputes it, since every edge of the node hashes its name).
/// </summary>
public static class GraphExtension
{
    /// <summary>
    /// Applies user and content events in order: an unknown id creates the node (a content's unknown topics are
    /// created too, named by <see cref="GraphEvent.TopicNames"/> or their ids); a known user or content with a
    /// different non-empty name is renamed. A content's topics and author are set when it is created and kept after.
    /// An author id the graph lacks leaves the content without an author.
    /// </summary>
    public static ExtensionResult Extend(SocialGraph g, IReadOnlyList<GraphEvent> nodes)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(nodes);
        var changed = new bool[nodes.Count];
        var plan = new Plan(g);
        for (int i = 0; i < nodes.Count; i++)
        {
            changed[i] = nodes[i].Kind switch
            {
                GraphEventKind.User => plan.User(nodes[i].UserId, nodes[i].Name),
                GraphEventKind.Content => plan.Content(nodes[i]),
                _ => throw new ArgumentException($"{nodes[i].Kind} is not a node event.", nameof(nodes)),
            };
        }

        return new ExtensionResult(plan.IsEmpty ? g : plan.Build(), changed);
    }

    private sealed class Plan(SocialGraph g)
    {
        private readonly List<(string Id, string Name)> _users = [];
        private readonly List<(string Id, string Name)> _topics = [];
        private readonly List<(string Id, string Title, int[] Topics, int Author)> _contents = [];
        private readonly Dictionary<string, int> _newUsers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _newTopics = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _newContents = new(StringComparer.Ordinal);
        private readonly Dictionary<int, string> _userNames = [];
        private readonly Dictionary<int, string> _contentTitles = [];

        public bool IsEmpty => _users.Count == 0 && _contents.Count == 0 && _topics.Count == 0 && _userNames.Count == 0 && _contentTitles.Count == 0;

        public bool User(string id, string name)
        {
            if (string.IsNullOrEmpty(id))
            {
                throw new GraphDataException("User id is empty");
            }

            if (g.Users.TryGetIndex(id, out int index))
            {
                return Rename(_userNames, g.UserNames, index, name);
            }

            if (_newUsers.TryGetValue(id, out int pending))
            {
                bool renamed = name.Length > 0 && _users[pending].Name != name;
                if (renamed)
                {
                    _users[pending] = (id, name);
                }

                return renamed;
            }

            _newUsers[id] = _users.Count;
            _users.Add((id, name));
            return true;
        }

        public bool Content(GraphEvent e)
        {
            string id = e.TargetId;
            if (string.IsNullOrEmpty(id))
            {
                throw new GraphDataException("Content id is empty");
            }

            if (g.Contents.TryGetIndex(id, out int index))
            {
                return Rename(_contentTitles, g.ContentTitles, index, e.Name);
            }

            if (_newContents.TryGetValue(id, out int pending))
            {
                bool retitled = e.Name.Length > 0 && _contents[pending].Title != e.Name;
                if (retitled)
                {
                    _contents[pending] = _contents[pending] with { Title = e.Name };
                }

                return retitled;
            }

            var topics = new SortedSet<int>();
            for (int t = 0; t < e.Topics.Count; t++)
            {
                string name = t < e.TopicNames.Count && e.TopicNames[t].Length > 0 ? e.TopicNames[t] : e.Topics[t];
                topics.Add(Topic(e.Topics[t], name));
            }

            int author = e.UserId.Length == 0 ? -1
                : g.Users.TryGetIndex(e.UserId, out int known) ? known
                : _newUsers.TryGetValue(e.UserId, out int fresh) ? g.UserCount + fresh
                : -1;
            _newContents[id] = _contents.Count;
            _contents.Add((id, e.Name, [.. topics], author));
            return true;
        }

        public SocialGraph Build()
        {
            int nu = g.UserCount + _users.Count, nc = g.ContentCount + _contents.Count, nt = g.TopicCount + _topics.Count;
            var users = g.Users.Copy(_users.Count);
            var contents = g.Contents.Copy(_contents.Count);
            var topics = g.Topics.Copy(_topics.Count);
            foreach (var (id, _) in _users) users.TryAdd(id, out _);
            foreach (var c in _contents) contents.TryAdd(c.Id, out _);
            foreach (var (id, _) in _topics) topics.TryAdd(id, out _);

            string[] userNames = Grow(g.UserNames, _users.Select(u => u.Name), _userNames);
            string[] titles = Grow(g.ContentTitles, _contents.Select(c => c.Title), _contentTitles);
            string[] topicNames = Grow(g.TopicNames, _topics.Select(t => t.Name), []);
            int[] authors = [.. g.ContentAuthor, .. _contents.Select(c => c.Author)];

            Csr contentTopics = AppendRows(g.ContentTopics, _contents.Select(c => c.Topics));
            var graph = new SocialGraph
            {
                Users = users,
                Contents = contents,
                Topics = topics,
                UserNames = userNames,
                ContentTitles = titles,
                TopicNames = topicNames,
                Following = EmptyRows(g.Following, nu),
                Followers = EmptyRows(g.Followers, nu),
                Interactions = new InteractionLog(GrowOffsets(g.Interactions.Offsets, nu), g.Interactions.Content, g.Interactions.Timestamps,
                    g.Interactions.Kinds, g.Interactions.Weights),
                ContentUsers = EmptyRows(g.ContentUsers, nc),
                ContentTopics = contentTopics,
                TopicContents = AddToRows(g.TopicContents, nt, _contents.Select((c, k) => (g.ContentCount + k, c.Topics))),
                ContentAuthor = authors,
            };
            graph.SetFingerprint(_userNames.Count > 0 || _contentTitles.Count > 0 ? GraphFingerprint.Parts(graph) : AddedParts(graph));
            return graph;
        }

        // The parts of the old graph plus what the new nodes, their tags and authors add.
        private ulong[] AddedParts(SocialGraph graph)
        {
            ulong[] parts = g.CopyFingerprintParts();
            var userHashes = new ulong[_users.Count];
            for (int k = 0; k < _users.Count; k++)
            {
                userHashes[k] = GraphFingerprint.NodeHash(_users[k].Id, _users[k].Name);
                parts[0] += GraphFingerprint.NodeTerm(userHashes[k]);
            }

            foreach (var (id, name) in _topics)
            {
                parts[2] += GraphFingerprint.NodeTerm(GraphFingerprint.NodeHash(id, name));
            }

            foreach (var (id, title, topics, author) in _contents)
            {
                ulong hash = GraphFingerprint.NodeHash(id, title);
                parts[1] += GraphFingerprint.NodeTerm(hash);
                foreach (int t in topics)
                {
                    parts[4] += GraphFingerprint.EdgeTerm(hash, GraphFingerprint.NodeHash(graph.Topics[t], graph.TopicNames[t]));
                }

                if (author >= 0)
                {
                    ulong user = author >= g.UserCount ? userHashes[author - g.UserCount] : GraphFingerprint.NodeHash(g.Users[author], g.UserNames[author]);
                    parts[6] += GraphFingerprint.AuthorTerm(user, hash);
                }
            }

            return parts;
        }

        private int Topic(string id, string name)
        {
            if (g.Topics.TryGetIndex(id, out int index))
            {
                return index;
            }

            if (!_newTopics.TryGetValue(id, out int pending))
            {
                pending = _topics.Count;
                _newTopics[id] = pending;
                _topics.Add((id, name));
            }

            return g.TopicCount + pending;
        }

        private static bool Rename(Dictionary<int, string> renames, string[] names, int index, string name)
        {
            string current = renames.TryGetValue(index, out string? pending) ? pending : names[index];
            if (name.Length == 0 || current == name)
            {
                return false;
            }

            renames[index] = name;
            return true;
        }

        private static string[] Grow(string[] names, IEnumerable<string> added, Dictionary<int, string> renames)
        {
            string[] result = [.. names, .. added];
            foreach (var (index, name) in renames) result[index] = name;
            return result;
        }
    }

    private static int[] GrowOffsets(int[] offsets, int rows)
    {
        var result = new int[rows + 1];
        offsets.CopyTo(result, 0);
        result.AsSpan(offsets.Length).Fill(offsets[^1]);
        return result;
    }

    // The same edges, with empty rows for the new nodes; the target array is shared.
    private static Csr EmptyRows(Csr csr, int rows) => rows == csr.NodeCount ? csr : new Csr(GrowOffsets(csr.Offsets, rows), csr.Targets);

    private static Csr AppendRows(Csr csr, IEnumerable<int[]> rows)
    {
        var offsets = new List<int>(csr.Offsets);
        var targets = new List<int>(csr.Targets);
        foreach (int[] row in rows)
        {
            targets.AddRange(row);
            offsets.Add(targets.Count);
        }

        return new Csr([.. offsets], [.. targets]);
    }

    // Adds each new content to its topics' rows; new contents have the highest indices, so rows stay sorted.
    private static Csr AddToRows(Csr csr, int rows, IEnumerable<(int Content, int[] Topics)> added)
    {
        var extra = new List<int>[rows];
        int count = 0;
        foreach (var (content, topics) in added)
        {
            foreach (int t in topics)
            {
                (extra[t] ??= []).Add(content);
                count++;
            }
        }

        if (count == 0)
        {
            return EmptyRows(csr, rows);
        }

        var offsets = new int[rows + 1];
        var targets = new int[csr.EdgeCount + count];
        int write = 0;
        for (int t = 0; t < rows; t++)
        {
            offsets[t] = write;
            if (t < csr.NodeCount)
            {
                ReadOnlySpan<int> row = csr.Neighbors(t);
                row.CopyTo(targets.AsSpan(write));
                write += row.Length;
            }

            if (extra[t] is { } more)
            {
                more.CopyTo(targets, write);
                write += more.Count;
            }
        }

        offsets[rows] = write;
        return new Csr(offsets, targets);
    }
}
