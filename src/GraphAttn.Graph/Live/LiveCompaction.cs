namespace GraphAttn.Graph.Live;

/// <summary>A graph with overlay layers folded in, and what the next overlay needs to know about them.</summary>
/// <param name="Graph">The new immutable graph.</param>
/// <param name="Clock">Last event times of every pair an event ever set.</param>
/// <param name="Folded">Per user, the version of their last folded event.</param>
/// <param name="Events">Overlay events folded.</param>
public sealed record CompactedGraph(SocialGraph Graph, FollowClock Clock, long[] Folded, int Events);

/// <summary>
/// Folds the frozen overlay layers of a <see cref="LiveGraph"/> into a new <see cref="SocialGraph"/>, off the request
/// path: follows and followers with each pair's latest edit applied, each user's interactions merged into their
/// history by time (held ones first on equal times, as a fresh load would order them), content → users with the new
/// users. Nodes and their arrays are shared with the current graph; the fingerprint is updated from the added and
/// removed edges alone. O(edges + overlay).
/// </summary>
public static class LiveCompaction
{
    /// <summary>Folds every layer of <paramref name="live"/> but the active one.</summary>
    public static CompactedGraph Fold(LiveGraph live)
    {
        ArgumentNullException.ThrowIfNull(live);
        SocialGraph g = live.Graph;
        var perUser = Gather(live);
        ulong[] parts = g.CopyFingerprintParts();
        var hashes = new Dictionary<int, ulong>();
        ulong UserHash(int u) => hashes.TryGetValue(u, out ulong h) ? h : hashes[u] = GraphFingerprint.NodeHash(g.Users[u], g.UserNames[u]);

        // Follows, with the edges added and removed for the followers' side and the fingerprint.
        var added = new List<(int From, int To)>();
        var removed = new List<(int From, int To)>();
        var following = Rows(g.Following, u => perUser.TryGetValue(u, out var e) ? e : null, (u, row, e) =>
        {
            var set = new SortedSet<int>(row.ToArray());
            foreach (FollowEdit edit in e.Follows.Values)
            {
                if (edit.Follows && set.Add(edit.Target))
                {
                    added.Add((u, edit.Target));
                }
                else if (!edit.Follows && set.Remove(edit.Target))
                {
                    removed.Add((u, edit.Target));
                }
            }

            return set;
        });
        foreach (var (from, to) in added) parts[3] += GraphFingerprint.EdgeTerm(UserHash(from), UserHash(to));
        foreach (var (from, to) in removed) parts[3] -= GraphFingerprint.EdgeTerm(UserHash(from), UserHash(to));

        var reverse = new Dictionary<int, EdgeChanges>();
        foreach (var (from, to) in added) Reverse(reverse, to).Add.Add(from);
        foreach (var (from, to) in removed) Reverse(reverse, to).Remove.Add(from);
        var followers = Rows(g.Followers, v => reverse.TryGetValue(v, out var e) ? e : null, (_, row, e) =>
        {
            var set = new SortedSet<int>(row.ToArray());
            foreach (int u in e.Remove) set.Remove(u);
            foreach (int u in e.Add) set.Add(u);
            return set;
        });

        // Interactions, and the content → users rows they extend.
        var contentAdds = new Dictionary<int, SortedSet<int>>();
        int events = 0;
        InteractionLog log = Merge(g.Interactions, perUser, (u, x) =>
        {
            parts[5] += GraphFingerprint.InteractionTerm(UserHash(u), GraphFingerprint.NodeHash(g.Contents[x.Content], g.ContentTitles[x.Content]),
                x.TimestampMs, x.Kind, x.Weight);
            if (!contentAdds.TryGetValue(x.Content, out var users)) contentAdds[x.Content] = users = [];
            users.Add(u);
            events++;
        });
        var contentUsers = Rows(g.ContentUsers, c => contentAdds.TryGetValue(c, out var e) ? e : null, (_, row, e) =>
        {
            e.UnionWith(row.ToArray());
            return e;
        });

        var graph = new SocialGraph
        {
            Users = g.Users,
            Contents = g.Contents,
            Topics = g.Topics,
            UserNames = g.UserNames,
            ContentTitles = g.ContentTitles,
            TopicNames = g.TopicNames,
            Following = following,
            Followers = followers,
            Interactions = log,
            ContentUsers = contentUsers,
            ContentTopics = g.ContentTopics,
            TopicContents = g.TopicContents,
            ContentAuthor = g.ContentAuthor,
        };
        graph.SetFingerprint(parts);

        var folded = (long[])live.Folded.Clone();
        foreach (var (user, edits) in perUser) folded[user] = Math.Max(folded[user], edits.Version);
        FollowClock clock = live.Clock.With(perUser.SelectMany(p => p.Value.Follows.Values.Select(e => (p.Key, e))));
        events += perUser.Values.Sum(e => e.FollowEvents);
        return new CompactedGraph(graph, clock, folded, events);
    }

    private sealed class Gathered
    {
        public List<OverlayInteraction> Interactions { get; } = [];
        public Dictionary<int, FollowEdit> Follows { get; } = [];
        public long Version { get; set; }
        public int FollowEvents { get; set; }
    }

    // Every frozen layer's edits per user, oldest layer first; a newer layer's edit of a pair replaces an older one.
    private static Dictionary<int, Gathered> Gather(LiveGraph live)
    {
        var perUser = new Dictionary<int, Gathered>();
        foreach (EdgeOverlay layer in live.Layers.Take(live.Layers.Count - 1))
        {
            foreach (var (user, edits) in layer.Users)
            {
                if (!perUser.TryGetValue(user, out Gathered? g)) perUser[user] = g = new Gathered();
                g.Interactions.AddRange(edits.Interactions);
                foreach (FollowEdit edit in edits.Follows.Values)
                {
                    g.Follows[edit.Target] = edit;
                }

                g.FollowEvents += edits.Follows.Count;
                g.Version = Math.Max(g.Version, edits.Version);
            }
        }

        return perUser;
    }

    private sealed class EdgeChanges
    {
        public List<int> Add { get; } = [];
        public List<int> Remove { get; } = [];
    }

    private static EdgeChanges Reverse(Dictionary<int, EdgeChanges> reverse, int key)
    {
        if (!reverse.TryGetValue(key, out EdgeChanges? entry)) reverse[key] = entry = new EdgeChanges();
        return entry;
    }

    // A copy of csr in which the rows with edits are replaced by edit(node, old row, edits).
    private static Csr Rows<T>(Csr csr, Func<int, T?> editsOf, Func<int, ReadOnlySpan<int>, T, SortedSet<int>> edit)
        where T : class
    {
        var replaced = new Dictionary<int, SortedSet<int>>();
        long count = csr.EdgeCount;
        for (int n = 0; n < csr.NodeCount; n++)
        {
            if (editsOf(n) is { } e)
            {
                SortedSet<int> row = edit(n, csr.Neighbors(n), e);
                replaced[n] = row;
                count += row.Count - csr.Degree(n);
            }
        }

        if (replaced.Count == 0)
        {
            return csr;
        }

        var offsets = new int[csr.NodeCount + 1];
        var targets = new int[count];
        int write = 0;
        for (int n = 0; n < csr.NodeCount; n++)
        {
            offsets[n] = write;
            if (replaced.TryGetValue(n, out SortedSet<int>? row))
            {
                row.CopyTo(targets, write);
                write += row.Count;
            }
            else
            {
                csr.Neighbors(n).CopyTo(targets.AsSpan(write));
                write += csr.Degree(n);
            }
        }

        offsets[csr.NodeCount] = write;
        return new Csr(offsets, targets);
    }

    // Each user's history with their new interactions merged in by time; held entries come first on equal times.
    private static InteractionLog Merge(InteractionLog log, Dictionary<int, Gathered> perUser, Action<int, OverlayInteraction> onAdded)
    {
        int added = perUser.Values.Sum(g => g.Interactions.Count);
        if (added == 0)
        {
            return log;
        }

        int users = log.UserCount, total = log.Count + added;
        var offsets = new int[users + 1];
        var content = new int[total];
        var times = new long[total];
        var kinds = new InteractionKind[total];
        var weights = new float[total];
        int write = 0;
        for (int u = 0; u < users; u++)
        {
            offsets[u] = write;
            int i = log.Offsets[u], end = log.Offsets[u + 1];
            if (!perUser.TryGetValue(u, out Gathered? g) || g.Interactions.Count == 0)
            {
                Array.Copy(log.Content, i, content, write, end - i);
                Array.Copy(log.Timestamps, i, times, write, end - i);
                Array.Copy(log.Kinds, i, kinds, write, end - i);
                Array.Copy(log.Weights, i, weights, write, end - i);
                write += end - i;
                continue;
            }

            // A stable sort keeps arrival order among equal times.
            OverlayInteraction[] fresh = [.. g.Interactions.OrderBy(x => x.TimestampMs)];
            int j = 0;
            while (i < end || j < fresh.Length)
            {
                if (j >= fresh.Length || (i < end && log.Timestamps[i] <= fresh[j].TimestampMs))
                {
                    (content[write], times[write], kinds[write], weights[write]) = (log.Content[i], log.Timestamps[i], log.Kinds[i], log.Weights[i]);
                    i++;
                }
                else
                {
                    OverlayInteraction x = fresh[j++];
                    (content[write], times[write], kinds[write], weights[write]) = (x.Content, x.TimestampMs, x.Kind, x.Weight);
                    onAdded(u, x);
                }

                write++;
            }
        }

        offsets[users] = write;
        return new InteractionLog(offsets, content, times, kinds, weights);
    }
}
