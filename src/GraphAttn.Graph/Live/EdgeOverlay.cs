using System.Collections.Concurrent;

namespace GraphAttn.Graph.Live;

/// <summary>
/// One layer of edges not yet folded into the graph: per user, the interactions, follows and unfollows applied since
/// the layer opened. Written by one applier at a time (it holds the overlay's lock), read by any number of requests
/// without locks: each user's <see cref="UserEdits"/> is immutable and replaced whole. A compaction freezes the layer,
/// folds it into a new graph and drops it.
/// </summary>
public sealed class EdgeOverlay
{
    private readonly ConcurrentDictionary<int, UserEdits> _users = new();
    private int _events;
    private long _bytes;

    /// <summary>Opens an empty layer.</summary>
    public EdgeOverlay(long openedAtMs) => OpenedAtMs = openedAtMs;

    /// <summary>When the layer was opened (clock milliseconds), for the compaction's age trigger.</summary>
    public long OpenedAtMs { get; }

    /// <summary>Events applied to this layer.</summary>
    public int EventCount => Volatile.Read(ref _events);

    /// <summary>Approximate managed bytes held by the layer's records.</summary>
    public long ApproximateBytes => Interlocked.Read(ref _bytes);

    /// <summary>Whether a compaction took the layer; a frozen layer is only read.</summary>
    public bool IsFrozen { get; private set; }

    /// <summary>Users with edits in this layer.</summary>
    public int UserCount => _users.Count;

    /// <summary>The edits of <paramref name="user"/> in this layer, or null when none.</summary>
    public UserEdits? For(int user) => _users.TryGetValue(user, out UserEdits? edits) ? edits : null;

    /// <summary>Every user's edits (a moment's view; complete once the layer is frozen).</summary>
    public IEnumerable<KeyValuePair<int, UserEdits>> Users => _users;

    /// <summary>Replaces the edits of <paramref name="user"/>; the caller holds the overlay's write lock.</summary>
    internal void Set(int user, UserEdits edits)
    {
        if (IsFrozen)
        {
            throw new InvalidOperationException("A frozen overlay layer cannot take more edits.");
        }

        long before = _users.TryGetValue(user, out UserEdits? old) ? old.ApproximateBytes : 0;
        _users[user] = edits;
        Interlocked.Add(ref _bytes, edits.ApproximateBytes - before);
        Interlocked.Increment(ref _events);
    }

    /// <summary>Stops further edits (the caller holds the overlay's write lock).</summary>
    internal void Freeze() => IsFrozen = true;
}
