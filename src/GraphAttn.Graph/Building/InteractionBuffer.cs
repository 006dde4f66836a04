namespace GraphAttn.Graph;

/// <summary>Collects interactions in arrival order and groups them per user, sorted by time, on demand.</summary>
internal sealed class InteractionBuffer
{
    private int[] _users = new int[1024];
    private int[] _content = new int[1024];
    private long[] _ts = new long[1024];
    private InteractionKind[] _kinds = new InteractionKind[1024];
    private float[] _weights = new float[1024];
    private int _count;

    public void Add(int user, int content, long ts, InteractionKind kind, float weight)
    {
        if (_count == _users.Length)
        {
            var n = _count * 2;
            Array.Resize(ref _users, n);
            Array.Resize(ref _content, n);
            Array.Resize(ref _ts, n);
            Array.Resize(ref _kinds, n);
            Array.Resize(ref _weights, n);
        }
        _users[_count] = user;
        _content[_count] = content;
        _ts[_count] = ts;
        _kinds[_count] = kind;
        _weights[_count] = weight;
        _count++;
    }

    /// <summary>Counting sort by user (stable), then a stable sort of each row by timestamp.</summary>
    public InteractionLog ToLog(int userCount)
    {
        var offsets = new int[userCount + 1];
        for (var i = 0; i < _count; i++) offsets[_users[i] + 1]++;
        for (var u = 0; u < userCount; u++) offsets[u + 1] += offsets[u];
        var cursor = offsets.AsSpan(0, userCount).ToArray();
        var order = new int[_count];
        for (var i = 0; i < _count; i++) order[cursor[_users[i]]++] = i;

        for (var u = 0; u < userCount; u++)
        {
            var row = order.AsSpan(offsets[u], offsets[u + 1] - offsets[u]);
            if (!IsSortedByTime(row)) StableSortByTime(row);
        }

        var content = new int[_count];
        var ts = new long[_count];
        var kinds = new InteractionKind[_count];
        var weights = new float[_count];
        for (var i = 0; i < _count; i++)
        {
            var src = order[i];
            content[i] = _content[src];
            ts[i] = _ts[src];
            kinds[i] = _kinds[src];
            weights[i] = _weights[src];
        }
        return new InteractionLog(offsets, content, ts, kinds, weights);
    }

    private bool IsSortedByTime(ReadOnlySpan<int> row)
    {
        for (var k = 1; k < row.Length; k++)
            if (_ts[row[k]] < _ts[row[k - 1]]) return false;
        return true;
    }

    // Ties on time keep arrival order (the index is the tie-breaker), so equal-time histories are reproducible.
    private void StableSortByTime(Span<int> row)
    {
        var ts = _ts;
        row.Sort((a, b) => ts[a] != ts[b] ? ts[a].CompareTo(ts[b]) : a.CompareTo(b));
    }
}
