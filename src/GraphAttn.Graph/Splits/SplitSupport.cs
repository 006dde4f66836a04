namespace GraphAttn.Graph.Splits;

/// <summary>Grouping shared by the splitters.</summary>
internal static class SplitSupport
{
    public static List<int>[] GroupItems(IEnumerable<UserItemEvent> events, int users)
    {
        ArgumentNullException.ThrowIfNull(events);
        var perUser = new List<int>[users];
        foreach (var e in events)
        {
            (perUser[e.User] ??= []).Add(e.Item);
        }
        return perUser;
    }
}
