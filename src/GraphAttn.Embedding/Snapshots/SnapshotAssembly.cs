using GraphAttn.Embedding.Batching;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Embedding.Snapshots;

/// <summary>
/// Joins computed parts (one for a single-process run, one per shard otherwise) into an <see cref="EmbeddingSnapshot"/>.
/// Parts must tile users and contents exactly: sorted by start, contiguous from 0 to the totals, same dimensions.
/// </summary>
public static class SnapshotAssembly
{
    /// <summary>Concatenates <paramref name="parts"/> under <paramref name="header"/>.</summary>
    /// <exception cref="InvalidDataException">Parts overlap, leave a gap, or disagree on sizes.</exception>
    public static EmbeddingSnapshot Assemble(SnapshotHeader header, IReadOnlyList<EmbeddedRows> parts)
    {
        if (parts.Count == 0) throw new InvalidDataException("no parts to assemble");
        var first = parts[0];
        foreach (var p in parts)
            if (p.Dimensions != first.Dimensions || p.TotalUsers != first.TotalUsers || p.TotalContents != first.TotalContents)
                throw new InvalidDataException(
                    $"parts disagree: {p.Dimensions} vs {first.Dimensions} dimensions, {p.TotalUsers} vs {first.TotalUsers} users, " +
                    $"{p.TotalContents} vs {first.TotalContents} contents");
        var byUser = parts.OrderBy(p => p.UserStart).ToArray();
        var byContent = parts.OrderBy(p => p.ContentStart).ToArray();
        RequireTiling(byUser.Select(p => (p.UserStart, p.UserIds.Length)), first.TotalUsers, "users");
        RequireTiling(byContent.Select(p => (p.ContentStart, p.ContentIds.Length)), first.TotalContents, "contents");
        var d = first.Dimensions;
        return new EmbeddingSnapshot(header,
            [.. byUser.SelectMany(p => p.UserIds)],
            [.. byContent.SelectMany(p => p.ContentIds)],
            new EmbeddingMatrix([.. byUser.SelectMany(p => p.Users)], first.TotalUsers, d),
            new EmbeddingMatrix([.. byContent.SelectMany(p => p.Contents)], first.TotalContents, d),
            Concat(byUser.Select(p => p.FriendAttention)),
            Concat(byUser.Select(p => p.HistoryAttention)),
            new EmbeddingMatrix([.. byUser.SelectMany(p => p.Friends)], first.TotalUsers, d));
    }

    private static void RequireTiling(IEnumerable<(int Start, int Count)> ranges, int total, string what)
    {
        var next = 0;
        foreach (var (start, count) in ranges)
        {
            if (count == 0 && start >= next) continue;
            if (start < next) throw new InvalidDataException($"{what} rows {start}..{start + count} overlap rows already covered up to {next} (duplicate shard?)");
            if (start > next) throw new InvalidDataException($"{what} rows {next}..{start} are missing (missing shard?)");
            next = start + count;
        }
        if (next != total) throw new InvalidDataException($"{what} rows {next}..{total} are missing (missing shard?)");
    }

    private static AttentionTable Concat(IEnumerable<AttentionTable> tables)
    {
        var list = tables.ToList();
        var offsets = new List<int> { 0 };
        foreach (var t in list)
        {
            var baseOffset = offsets[^1];
            for (var r = 1; r < t.Offsets.Length; r++) offsets.Add(baseOffset + t.Offsets[r]);
        }
        return new AttentionTable([.. offsets], [.. list.SelectMany(t => t.Targets)], [.. list.SelectMany(t => t.Weights)]);
    }
}
