using GraphAttn.Graph;

namespace GraphAttn.Serving.Recommending;

/// <summary>
/// Common elements of two ascending, duplicate-free lists (neighbour lists), as <see cref="Neighbourhood.Common"/> and
/// <see cref="Neighbourhood.CountCommon"/> compute them, but with binary searches of the longer list when one is much
/// longer: reasons and mutual-friend counts meet hubs (a popular item's thousands of users, a followed star's
/// followers) on most requests, where a merge walk reads the whole long list.
/// </summary>
internal static class SortedIntersection
{
    // Below this length ratio a merge walk is as fast as binary searches.
    private const int MergeRatio = 16;

    /// <summary>How many elements the two lists share.</summary>
    public static int Count(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length > b.Length) return Count(b, a);
        if (b.Length / MergeRatio <= a.Length) return Neighbourhood.CountCommon(a, b);
        int n = 0;
        foreach (int x in a)
        {
            int at = b.BinarySearch(x);
            if (at >= 0) n++;
            b = b[(at >= 0 ? at + 1 : ~at)..];
        }

        return n;
    }

    /// <summary>The shared elements, ascending.</summary>
    public static List<int> Common(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length > b.Length) return Common(b, a);
        if (b.Length / MergeRatio <= a.Length) return Neighbourhood.Common(a, b);
        var result = new List<int>();
        foreach (int x in a)
        {
            int at = b.BinarySearch(x);
            if (at >= 0) result.Add(x);
            b = b[(at >= 0 ? at + 1 : ~at)..];
        }

        return result;
    }
}
