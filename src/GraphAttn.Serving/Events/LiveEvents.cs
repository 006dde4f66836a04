using System.Collections.Concurrent;
using GraphAttn.Graph;

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

    /// <summary>Live interactions kept per user for the model's history view (older ones are in the next graph load).</summary>
    public const int RecentInteractions = 64;

    /// <summary>Events recorded so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Records an interaction; returns false when the user had already seen that item live.</summary>
    public bool RecordInteraction(string userId, string contentId, InteractionKind kind = InteractionKind.View, long timestampMs = 0)
    {
        Interlocked.Increment(ref _count);
        var events = _users.GetOrAdd(userId, _ => new UserEvents());
        lock (events)
        {
            events.Version++;
            // Kept in time order even when a client reports an older event late.
            var at = events.Recent.FindLastIndex(e => e.TimestampMs <= timestampMs) + 1;
            events.Recent.Insert(at, new LiveInteraction(contentId, kind, timestampMs));
            if (events.Recent.Count > RecentInteractions) events.Recent.RemoveAt(0);
            return events.Seen.Add(contentId);
        }
    }

    /// <summary>Records a follow (or an unfollow when <paramref name="follow"/> is false); returns whether it changed state.</summary>
    public bool RecordFollow(string followerId, string followeeId, bool follow, bool followsInGraph)
    {
        Interlocked.Increment(ref _count);
        var events = _users.GetOrAdd(followerId, _ => new UserEvents());
        lock (events)
        {
            events.Version++;
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
            return new UserOverlay(new HashSet<string>(events.Seen), new HashSet<string>(events.Followed), new HashSet<string>(events.Unfollowed))
            {
                Recent = Enumerable.Reverse(events.Recent).ToArray(),
                Version = events.Version,
            };
    }

    private sealed class UserEvents
    {
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Followed { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Unfollowed { get; } = new(StringComparer.Ordinal);
        public List<LiveInteraction> Recent { get; } = []; // oldest first
        public long Version { get; set; }
    }
}
