using System.Text;
using GraphAttn.Graph.Matrices;

namespace GraphAttn.Graph.Splits;

/// <summary>
/// Saves and loads a <see cref="DatasetSplit"/> as a small tab-separated text file, by external ids so it stays
/// readable and survives re-loading the graph from another source:
/// <code>
/// # graphattn-split v1
/// # description	random 8:1:1 per user, seed 2026; ...
/// # graph	&lt;fingerprint&gt;
/// valid	&lt;userId&gt;	&lt;contentId&gt;
/// test	&lt;userId&gt;	&lt;contentId&gt;
/// follow	&lt;userId&gt;	&lt;followedUserId&gt;
/// </code>
/// Only held-out rows are stored; training is the rest of the graph.
/// </summary>
public static class SplitFile
{
    private const string Magic = "# graphattn-split v1";

    /// <summary>Writes <paramref name="split"/> of <paramref name="graph"/> to <paramref name="path"/>.</summary>
    public static void Save(string path, DatasetSplit split, SocialGraph graph)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(graph);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.NewLine = "\n";
        w.WriteLine(Magic);
        w.WriteLine($"# description\t{split.Description}");
        w.WriteLine($"# graph\t{split.GraphFingerprint}");
        foreach (var (u, c) in split.ContentValid.Pairs()) w.WriteLine($"valid\t{graph.Users[u]}\t{graph.Contents[c]}");
        foreach (var (u, c) in split.ContentTest.Pairs()) w.WriteLine($"test\t{graph.Users[u]}\t{graph.Contents[c]}");
        foreach (var (u, v) in split.FriendTest.Pairs()) w.WriteLine($"follow\t{graph.Users[u]}\t{graph.Users[v]}");
    }

    /// <summary>Reads a split saved by <see cref="Save"/> for <paramref name="graph"/>.</summary>
    /// <exception cref="GraphDataException">With file and line for a bad header, row, unknown id, or a split made
    /// from a different graph (fingerprint mismatch).</exception>
    public static DatasetSplit Load(string path, SocialGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var description = "";
        var fingerprint = "";
        var valid = new List<(int, int)>();
        var test = new List<(int, int)>();
        var follows = new List<(int, int)>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (line == 1 && text != Magic) throw new GraphDataException(path, line, $"expected '{Magic}' as the first line");
            if (text.Length == 0 || line == 1) continue;
            var f = text.Split('\t');
            if (f[0] == "# description" && f.Length == 2) { description = f[1]; continue; }
            if (f[0] == "# graph" && f.Length == 2)
            {
                fingerprint = f[1];
                if (fingerprint != graph.Fingerprint)
                    throw new GraphDataException(path, line, $"split was made from graph {fingerprint}, not from the loaded graph {graph.Fingerprint}");
                continue;
            }
            if (text.StartsWith('#')) continue;
            if (f.Length != 3) throw new GraphDataException(path, line, $"expected 3 tab-separated fields, found {f.Length}");
            var u = Resolve(graph.Users, f[1], "user", path, line);
            switch (f[0])
            {
                case "valid": valid.Add((u, Resolve(graph.Contents, f[2], "content", path, line))); break;
                case "test": test.Add((u, Resolve(graph.Contents, f[2], "content", path, line))); break;
                case "follow": follows.Add((u, Resolve(graph.Users, f[2], "user", path, line))); break;
                default: throw new GraphDataException(path, line, $"unknown set '{f[0]}'; expected valid, test or follow");
            }
        }
        if (line == 0) throw new GraphDataException(path, 1, "file is empty");
        return new DatasetSplit(
            description, fingerprint,
            SparseBinaryMatrix.FromPairs(graph.UserCount, graph.ContentCount, valid),
            SparseBinaryMatrix.FromPairs(graph.UserCount, graph.ContentCount, test),
            SparseBinaryMatrix.FromPairs(graph.UserCount, graph.UserCount, follows));
    }

    private static int Resolve(IdMap map, string id, string what, string path, int line) =>
        map.TryGetIndex(id, out var index) ? index : throw new GraphDataException(path, line, $"unknown {what} id '{id}'");
}
