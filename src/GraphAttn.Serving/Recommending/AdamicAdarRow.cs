using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;

namespace GraphAttn.Serving.Recommending;

/// <summary>
/// One user's Adamic-Adar row, AA(user, v) for every v, computed sparsely: a walk over the user's friends' neighbour
/// lists that adds into a dense per-thread scratch and records which entries it touched, so a request costs
/// O(Σ degree of the user's friends) instead of O(users) to clear, scan and select over a full row. Values are
/// bit-identical to <see cref="AdamicAdar.Row"/> and <see cref="AdamicAdar.Pair"/> (same contributions, added in
/// ascending friend order). Rent one per request, read it, and dispose it (which zeroes the touched entries and hands
/// the scratch back to the thread); it never spans an await.
/// </summary>
internal sealed class AdamicAdarRow : IDisposable
{
    [ThreadStatic]
    private static AdamicAdarRow? t_spare;

    private float[] _scores = [];
    private int[] _touched = [];
    private int _count;

    private AdamicAdarRow()
    {
    }

    /// <summary>Users with AA(user, v) &gt; 0 (every two-hop neighbour reached through a friend of degree 2 or more), in walk order.</summary>
    public ReadOnlySpan<int> Touched => _touched.AsSpan(0, _count);

    /// <summary>AA(user, <paramref name="v"/>); 0 for users off the walk.</summary>
    public float this[int v] => _scores[v];

    /// <summary>Entries read from neighbour lists by a walk from <paramref name="user"/>: Σ degree of its friends.</summary>
    public static long WalkLength(Csr friends, int user)
    {
        long visits = 0;
        foreach (int w in friends.Neighbors(user))
        {
            visits += friends.Degree(w);
        }

        return visits;
    }

    /// <summary>The row of <paramref name="user"/> over <paramref name="friends"/>, in this thread's scratch.</summary>
    public static AdamicAdarRow Walk(Csr friends, int user)
    {
        AdamicAdarRow row = t_spare ?? new AdamicAdarRow();
        t_spare = null; // a nested walk on this thread gets its own scratch
        int n = friends.NodeCount;
        if (row._scores.Length < n)
        {
            row._scores = new float[n];
            row._touched = new int[n];
        }

        float[] scores = row._scores;
        int[] touched = row._touched;
        int count = 0;
        foreach (int w in friends.Neighbors(user))
        {
            float contribution = AdamicAdar.Contribution(friends.Degree(w));
            if (contribution == 0f)
            {
                continue;
            }

            foreach (int v in friends.Neighbors(w))
            {
                // Contributions are positive, so an entry is 0 exactly until its first one.
                if (scores[v] == 0f)
                {
                    touched[count++] = v;
                }

                scores[v] += contribution;
            }
        }

        row._count = count;
        return row;
    }

    /// <summary>Zeroes the touched entries and returns the scratch to the thread.</summary>
    public void Dispose()
    {
        foreach (int v in Touched)
        {
            _scores[v] = 0f;
        }

        _count = 0;
        t_spare = this;
    }
}
