using System.Collections.Concurrent;

namespace GraphAttn.Serving.Events;

/// <summary>
/// Events recorded since the graph was loaded, per user, keyed by external ids so they survive a graph reload.
/// Recommenders overlay them on the graph: seen items and new follows are excluded, unfollows re-admitted.
/// Thread-safe: each user's record is locked individually.
/// </summary>
public sealed class LiveEvents
{
    private readonly ConcurrentDictionary<string, UserEvents> _users = new(StringComparer.Ordinal);
    private long _count;

    /// <summary>Events recorded so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Records an interaction; returns false when the user had already seen that item live.</summary>
    public bool RecordInteraction(string userId, string contentId)
    {
        Interlocked.Increment(ref _count);
        var events = _users.GetOrAdd(userId, _ => new UserEvents());
        lock (events) return events.Seen.Add(contentId);
    }

    /// <summary>Records a follow (or an unfollow when <paramref name="follow"/> is false); returns whether it changed state.</summary>
    public bool RecordFollow(string followerId, string followeeId, bool follow, bool followsInGraph)
    {
        Interlocked.Increment(ref _count);
        var events = _users.GetOrAdd(followerId, _ => new UserEvents());
        lock (events)
        {
            var wasFollowing = events.Followed.Contains(followeeId) || (followsInGraph && !events.Unfollowed.Contains(followeeId));
            if (follow) { events.Unfollowed.Remove(followeeId); events.Followed.Add(followeeId); }
            else { events.Followed.Remove(followeeId); events.Unfollowed.Add(followeeId); }
            return wasFollowing != follow;
        }
    }

    /// <summary>A consistent copy of one user's overlay (empty when none).</summary>
    public UserOverlay For(string userId)
    {
        if (!_users.TryGetValue(userId, out var events)) return UserOverlay.Empty;
        lock (events)
            return new UserOverlay(new HashSet<string>(events.Seen), new HashSet<string>(events.Followed), new HashSet<string>(events.Unfollowed));
    }

    private sealed class UserEvents
    {
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Followed { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Unfollowed { get; } = new(StringComparer.Ordinal);
    }
}
