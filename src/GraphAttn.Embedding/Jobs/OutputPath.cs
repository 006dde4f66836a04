using System.Globalization;
using GraphAttn.Embedding.Batching;
using GraphAttn.Embedding.Shards;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Embedding.Jobs;

/// <summary>Where a run writes: the given file, or a generated name inside an existing folder.</summary>
internal static class OutputPath
{
    /// <summary>
    /// <paramref name="out"/> itself, or inside that folder <c>snapshot-yyyyMMddTHHmmssZ.gasnap</c> (one process) or
    /// <c>shard-i-of-n.gashard</c> (a shard, so the pods of one run never overwrite each other). A path ending in a
    /// separator is a folder and is created if missing.
    /// </summary>
    public static string Resolve(string @out, ShardSpec shard, DateTimeOffset createdAt)
    {
        if (Path.EndsInDirectorySeparator(@out)) Directory.CreateDirectory(@out);
        if (!Directory.Exists(@out)) return @out;
        var name = shard.IsSingle
            ? string.Create(CultureInfo.InvariantCulture, $"snapshot-{createdAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}{SnapshotFormat.Extension}")
            : $"shard-{shard.Index}-of-{shard.Count}{ShardFile.Extension}";
        return Path.Combine(@out, name);
    }

    /// <summary>Shard files named on the command line: files as given, folders expanded to their *.gashard files.</summary>
    public static IReadOnlyList<string> ShardFiles(IEnumerable<string> arguments) =>
        [.. arguments.SelectMany(a => Directory.Exists(a)
            ? Directory.GetFiles(a, "*" + ShardFile.Extension).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)
            : Enumerable.Repeat(a, 1))];
}
