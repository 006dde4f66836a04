using GraphAttn.Graph;

namespace GraphAttn.Serving.Profiles;

/// <summary>
/// Every user's interaction log positions sorted by content, then by position (so the first entry of a content is the
/// user's earliest interaction with it): two users' histories then meet in one merge walk, without a dictionary per
/// request. Built once per graph, 4 bytes per interaction.
/// </summary>
public sealed class HistoryByContent
{
    private readonly InteractionLog _log;
    private readonly int[] _positions;

    /// <summary>Sorts each user's range of <paramref name="log"/> by (content, position).</summary>
    public HistoryByContent(InteractionLog log)
    {
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _positions = new int[log.Count];
        var keys = new long[0];
        for (int u = 0; u < log.UserCount; u++)
        {
            int start = log.Offsets[u], length = log.Offsets[u + 1] - start;
            if (keys.Length < length) keys = new long[Math.Max(length, 2 * keys.Length)];
            Span<long> row = keys.AsSpan(0, length);
            for (int i = 0; i < length; i++) row[i] = ((long)log.Content[start + i] << 32) | (uint)(start + i);
            row.Sort();
            for (int i = 0; i < length; i++) _positions[start + i] = (int)row[i];
        }
    }

    /// <summary>Log positions of <paramref name="user"/>'s interactions, by content then time.</summary>
    public ReadOnlySpan<int> Of(int user) => _positions.AsSpan(_log.Range(user));
}
