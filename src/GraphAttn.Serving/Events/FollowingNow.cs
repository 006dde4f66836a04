using System.Collections;
using GraphAttn.Graph;
using GraphAttn.Graph.Live;

namespace GraphAttn.Serving.Events;

/// <summary>
/// Whom a user follows now, as a set read in place: the graph's row (binary search) with the overlay's latest follows
/// and unfollows over it, and optionally the user themself (so one set excludes both from friend suggestions). Nothing
/// is copied per request; the rarely used set comparisons enumerate it.
/// </summary>
public sealed class FollowingNow(SocialGraph graph, int user, UserOverlay overlay, bool includeSelf = false) : IReadOnlySet<int>
{
    /// <inheritdoc />
    public bool Contains(int item)
    {
        if (includeSelf && item == user)
        {
            return true;
        }

        return overlay.TryGetFollowEdit(item, out FollowEdit edit) ? edit.Follows : graph.Following.Contains(user, item);
    }

    /// <inheritdoc />
    public int Count => this.Count();

    /// <inheritdoc />
    public IEnumerator<int> GetEnumerator()
    {
        if (includeSelf)
        {
            yield return user;
        }

        Csr following = graph.Following;
        for (int e = following.Offsets[user]; e < following.Offsets[user + 1]; e++)
        {
            int v = following.Targets[e];
            if (!overlay.TryGetFollowEdit(v, out FollowEdit edit) || edit.Follows)
            {
                yield return v;
            }
        }

        foreach (FollowEdit edit in overlay.FollowEdits)
        {
            if (edit.Follows && !graph.Following.Contains(user, edit.Target) && !(includeSelf && edit.Target == user))
            {
                yield return edit.Target;
            }
        }
    }

    /// <inheritdoc />
    public bool IsProperSubsetOf(IEnumerable<int> other) => Materialized().IsProperSubsetOf(other);

    /// <inheritdoc />
    public bool IsProperSupersetOf(IEnumerable<int> other) => Materialized().IsProperSupersetOf(other);

    /// <inheritdoc />
    public bool IsSubsetOf(IEnumerable<int> other) => Materialized().IsSubsetOf(other);

    /// <inheritdoc />
    public bool IsSupersetOf(IEnumerable<int> other) => other.All(Contains);

    /// <inheritdoc />
    public bool Overlaps(IEnumerable<int> other) => other.Any(Contains);

    /// <inheritdoc />
    public bool SetEquals(IEnumerable<int> other) => Materialized().SetEquals(other);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private HashSet<int> Materialized() => [.. this];
}
