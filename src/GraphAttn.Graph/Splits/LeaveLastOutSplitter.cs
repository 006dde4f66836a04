using GraphAttn.Graph.Matrices;

namespace GraphAttn.Graph.Splits;

/// <summary>
/// Temporal leave-last-out (RecBole's "LS" valid_and_test): per user, items ordered by first-interaction time;
/// the last goes to test and the one before it to validation, each only while more than one item stays in train.
/// Ties in time are broken by item index so the split repeats exactly.
/// </summary>
public static class LeaveLastOutSplitter
{
    /// <summary>Splits <paramref name="events"/> per user by time.</summary>
    /// <returns>(validation, test) matrices; train is everything else.</returns>
    public static (SparseBinaryMatrix Valid, SparseBinaryMatrix Test) Split(
        IEnumerable<UserItemEvent> events, int users, int items)
    {
        ArgumentNullException.ThrowIfNull(events);
        var perUser = new List<UserItemEvent>[users];
        foreach (var e in events)
        {
            (perUser[e.User] ??= []).Add(e);
        }
        var valid = new List<(int, int)>();
        var test = new List<(int, int)>();
        for (var u = 0; u < users; u++)
        {
            var list = perUser[u];
            if (list is null || list.Count <= 1)
            {
                continue;
            }
            list.Sort((a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp) : a.Item.CompareTo(b.Item));
            test.Add((u, list[^1].Item));
            if (list.Count > 2)
            {
                valid.Add((u, list[^2].Item));
            }
        }
        return (SparseBinaryMatrix.FromPairs(users, items, valid), SparseBinaryMatrix.FromPairs(users, items, test));
    }
}
