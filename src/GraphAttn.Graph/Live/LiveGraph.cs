using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace GraphAttn.Graph.Live;

/// <summary>How applying one edge event to the overlay went.</summary>
public enum ApplyOutcome
{
    /// <summary>Applied, and it changed what is answered (a new item seen, a follow state flipped).</summary>
    Changed,

    /// <summary>Applied or recognised, without changing an answer (an item seen before, a repeated follow, an
    /// event already held, a follow or unfollow older than the pair's last edit).</summary>
    Unchanged,

    /// <summary>Not applied: the event names a user or content the graph does not hold (yet).</summary>
    UnknownNode,
}

/// <summary>
/// The graph as requests see it: an immutable <see cref="SocialGraph"/> plus the overlay layers of edges not yet folded
/// into it (oldest first; the last one takes new edits). Node ids are always in <see cref="Graph"/> (new nodes extend it
/// at once), so an index means the same node in the graph and in every layer, and stays valid across compactions.
/// Reads need no lock; edits (<see cref="Apply"/>) and the layer changes are made by one writer at a time.
/// </summary>
public sealed class LiveGraph
{
    private readonly long[] _folded;

    /// <summary>Assembles a view; <paramref name="folded"/> has one entry per user of <paramref name="graph"/>.</summary>
    public LiveGraph(SocialGraph graph, FollowClock clock, long[] folded, IReadOnlyList<EdgeOverlay> layers)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(folded);
        ArgumentNullException.ThrowIfNull(layers);
        if (folded.Length != graph.UserCount)
        {
            throw new ArgumentException($"folded versions hold {folded.Length} users, the graph {graph.UserCount}", nameof(folded));
        }

        if (layers.Count == 0 || layers[^1].IsFrozen)
        {
            throw new ArgumentException("The last overlay layer must take edits.", nameof(layers));
        }

        Graph = graph;
        Clock = clock;
        _folded = folded;
        Layers = layers;
    }

    /// <summary>A graph with an empty overlay.</summary>
    public static LiveGraph Fresh(SocialGraph graph, long openedAtMs) =>
        new(graph, FollowClock.Empty, new long[graph.UserCount], [new EdgeOverlay(openedAtMs)]);

    /// <summary>The compacted graph: every node, and the edges folded so far.</summary>
    public SocialGraph Graph { get; }

    /// <summary>Last event times of the pairs folded into <see cref="Graph"/>.</summary>
    public FollowClock Clock { get; }

    /// <summary>Overlay layers, oldest first; all but the last are frozen (a compaction is folding them).</summary>
    public IReadOnlyList<EdgeOverlay> Layers { get; }

    /// <summary>The layer that takes new edits.</summary>
    public EdgeOverlay Active => Layers[^1];

    /// <summary>Events held by the overlay layers.</summary>
    public int OverlayEvents => Layers.Sum(l => l.EventCount);

    /// <summary>Approximate managed bytes held by the overlay layers.</summary>
    public long OverlayBytes => Layers.Sum(l => l.ApproximateBytes);

    /// <summary>Per user, the version of the last event folded into <see cref="Graph"/> (0 when none).</summary>
    internal long[] Folded => _folded;

    /// <summary>
    /// The version of <paramref name="user"/>'s last live event, folded or not; 0 when they never had one since the
    /// graph was loaded. Grows with every event of the user, so results derived from their neighbourhood can be cached
    /// until it moves.
    /// </summary>
    public long VersionOf(int user)
    {
        long version = _folded[user];
        foreach (EdgeOverlay layer in Layers)
        {
            if (layer.For(user) is { } edits && edits.Version > version)
            {
                version = edits.Version;
            }
        }

        return version;
    }

    /// <summary>The user's edits per layer, oldest layer first (null where a layer has none).</summary>
    public UserEdits?[] EditsOf(int user)
    {
        var edits = new UserEdits?[Layers.Count];
        for (int i = 0; i < edits.Length; i++)
        {
            edits[i] = Layers[i].For(user);
        }

        return edits;
    }

    /// <summary>The newest overlay edit of the pair, if any layer holds one.</summary>
    public bool TryGetFollowEdit(int follower, int followee, out FollowEdit edit)
    {
        for (int i = Layers.Count - 1; i >= 0; i--)
        {
            if (Layers[i].For(follower) is { } edits && edits.TryGetFollow(followee, out edit))
            {
                return true;
            }
        }

        edit = default;
        return false;
    }

    /// <summary>
    /// The time to stamp a new follow or unfollow of the pair made at <paramref name="nowMs"/>: that, or one millisecond
    /// after the pair's last edit when that is as late. Two calls within one millisecond would otherwise be ordered by
    /// their ids' hashes (the tie-breaker every replica agrees on), so an unfollow right after a follow could lose to it;
    /// stamped after what this replica has seen, the later call wins everywhere.
    /// </summary>
    public long NextEditTime(int follower, int followee, long nowMs)
    {
        long last;
        if (TryGetFollowEdit(follower, followee, out FollowEdit edit)) last = edit.TimestampMs;
        else if (!Clock.TryGet(follower, followee, out last, out _)) return nowMs;
        return last < nowMs ? nowMs : last + 1;
    }

    /// <summary>Whether <paramref name="follower"/> follows <paramref name="followee"/> now.</summary>
    public bool Follows(int follower, int followee) =>
        TryGetFollowEdit(follower, followee, out FollowEdit edit) ? edit.Follows : Graph.Following.Contains(follower, followee);

    /// <summary>Whether <paramref name="user"/> interacted with <paramref name="content"/>, in the graph or the overlay.</summary>
    public bool HasSeen(int user, int content) => HasSeenLive(user, content) || Graph.ContentUsers.Contains(content, user);

    /// <summary>Whether the overlay holds an interaction of <paramref name="user"/> with <paramref name="content"/>.</summary>
    public bool HasSeenLive(int user, int content)
    {
        foreach (EdgeOverlay layer in Layers)
        {
            if (layer.For(user) is { } edits && edits.HasSeen(content))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Applies an interaction, follow or unfollow to the active layer as edit number <paramref name="version"/>. The
    /// caller serialises writers. An interaction identical to one held (user, content, kind, time, weight) is not added
    /// twice; a follow or unfollow applies only when it is newer than the pair's last edit (last writer wins by event
    /// time, see <see cref="FollowEdit"/>); the pair's state in the loaded graph counts as older than any event.
    /// </summary>
    /// <exception cref="ArgumentException">The event is a node event (extend the graph for those).</exception>
    public ApplyOutcome Apply(GraphEvent e, long version)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!Graph.Users.TryGetIndex(e.UserId, out int user))
        {
            return ApplyOutcome.UnknownNode;
        }

        switch (e.Kind)
        {
            case GraphEventKind.Interaction:
                if (!Graph.Contents.TryGetIndex(e.TargetId, out int content))
                {
                    return ApplyOutcome.UnknownNode;
                }

                var interaction = new OverlayInteraction(content, e.Interaction, e.TimestampMs, e.Weight);
                if (Holds(user, interaction))
                {
                    return ApplyOutcome.Unchanged;
                }

                bool seen = HasSeen(user, content);
                Put(user, (Active.For(user) ?? UserEdits.Empty).With(interaction, version));
                return seen ? ApplyOutcome.Unchanged : ApplyOutcome.Changed;

            case GraphEventKind.Follow or GraphEventKind.Unfollow:
                if (!Graph.Users.TryGetIndex(e.TargetId, out int followee))
                {
                    return ApplyOutcome.UnknownNode;
                }

                var edit = new FollowEdit(followee, e.Kind == GraphEventKind.Follow, e.TimestampMs, TieOf(e.EventId));
                bool before = Graph.Following.Contains(user, followee);
                if (TryGetFollowEdit(user, followee, out FollowEdit last))
                {
                    if (!edit.IsNewerThan(last.TimestampMs, last.Tie))
                    {
                        return ApplyOutcome.Unchanged;
                    }

                    before = last.Follows;
                }
                else if (Clock.TryGet(user, followee, out long time, out ulong tie) && !edit.IsNewerThan(time, tie))
                {
                    return ApplyOutcome.Unchanged;
                }

                Put(user, (Active.For(user) ?? UserEdits.Empty).With(edit, version));
                return before == edit.Follows ? ApplyOutcome.Unchanged : ApplyOutcome.Changed;

            default:
                throw new ArgumentException($"{e.Kind} events extend the graph; they are not overlay edits.", nameof(e));
        }
    }

    /// <summary>
    /// The same view over <paramref name="extended"/>, a graph with this one's edges and more nodes (or new names):
    /// every index keeps its meaning, so the layers carry over.
    /// </summary>
    public LiveGraph WithExtendedGraph(SocialGraph extended)
    {
        ArgumentNullException.ThrowIfNull(extended);
        if (extended.UserCount < Graph.UserCount || extended.ContentCount < Graph.ContentCount || extended.FollowCount != Graph.FollowCount)
        {
            throw new ArgumentException("An extended graph keeps every node and edge of the one it extends.", nameof(extended));
        }

        var folded = new long[extended.UserCount];
        _folded.CopyTo(folded, 0);
        return new LiveGraph(extended, Clock, folded, Layers);
    }

    /// <summary>Freezes the active layer and opens a new one; the frozen layers are what a compaction folds.</summary>
    public LiveGraph WithNewLayer(long openedAtMs)
    {
        Active.Freeze();
        return new LiveGraph(Graph, Clock, _folded, [.. Layers, new EdgeOverlay(openedAtMs)]);
    }

    /// <summary>Tie-breaker of an event id between follow edits with equal times.</summary>
    public static ulong TieOf(string eventId) => XxHash64.HashToUInt64(MemoryMarshal.AsBytes(eventId.AsSpan()));

    private void Put(int user, UserEdits edits) => Active.Set(user, edits);

    private bool Holds(int user, OverlayInteraction x)
    {
        // The history is sorted by time: only entries at the same millisecond can be equal.
        InteractionLog log = Graph.Interactions;
        int start = log.Offsets[user], end = log.Offsets[user + 1];
        int at = Array.BinarySearch(log.Timestamps, start, end - start, x.TimestampMs);
        if (at >= 0)
        {
            while (at > start && log.Timestamps[at - 1] == x.TimestampMs) at--;
            for (; at < end && log.Timestamps[at] == x.TimestampMs; at++)
            {
                if (log.Content[at] == x.Content && log.Kinds[at] == x.Kind && log.Weights[at] == x.Weight)
                {
                    return true;
                }
            }
        }

        foreach (EdgeOverlay layer in Layers)
        {
            if (layer.For(user) is { } edits && edits.Holds(x))
            {
                return true;
            }
        }

        return false;
    }
}
