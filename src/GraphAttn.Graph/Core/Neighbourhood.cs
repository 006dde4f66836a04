namespace GraphAttn.Graph;

/// <summary>
/// The undirected social neighbourhood (follows in either direction), which friend recommendation, mutual-friend
/// counts and communities reason over: on follow graphs "friend" means a tie either way.
/// </summary>
public static class Neighbourhood
{
    /// <summary>CSR of following ∪ followers per user, deduplicated.</summary>
    public static Csr Undirected(SocialGraph g)
    {
        var e = g.FollowCount;
        var src = new int[2 * e];
        var dst = new int[2 * e];
        var k = 0;
        for (var u = 0; u < g.UserCount; u++)
            foreach (var v in g.Following.Neighbors(u))
            {
                src[k] = u; dst[k] = v; k++;
                src[k] = v; dst[k] = u; k++;
            }
        return Csr.FromEdges(g.UserCount, src, dst);
    }

    /// <summary>Common elements of two ascending spans, ascending (merge walk).</summary>
    public static List<int> Common(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var result = new List<int>();
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { result.Add(a[i]); i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return result;
    }

    /// <summary>Count of common elements of two ascending spans (merge walk, no allocation).</summary>
    public static int CountCommon(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { n++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return n;
    }
}
