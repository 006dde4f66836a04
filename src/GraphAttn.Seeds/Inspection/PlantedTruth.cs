using System.Globalization;
using GraphAttn.Graph;
using GraphAttn.Seeds.Writing;

namespace GraphAttn.Seeds.Inspection;

/// <summary>
/// The planted truth of a graph-seeds folder (<c>planted/communities.csv</c>, <c>planted/user_interests.csv</c>),
/// aligned to a loaded graph's user and topic indices.
/// </summary>
public sealed class PlantedTruth
{
    private PlantedTruth(int[] community, HashSet<int>[] interests) => (Community, Interests) = (community, interests);

    /// <summary>Planted community per user index.</summary>
    public int[] Community { get; }

    /// <summary>Planted interest topics (topic indices) per user index.</summary>
    public HashSet<int>[] Interests { get; }

    /// <summary>Reads the planted files of <paramref name="folder"/> for <paramref name="graph"/>.</summary>
    /// <exception cref="GraphDataException">A file is missing, malformed, names an unknown id or leaves a user out.</exception>
    public static PlantedTruth Read(string folder, SocialGraph graph)
    {
        var community = new int[graph.UserCount];
        Array.Fill(community, -1);
        foreach (var (path, line, f) in Rows(folder, "communities.csv", 2))
        {
            var user = Index(graph.Users, f[0], path, line);
            if (!int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out community[user]))
                throw new GraphDataException(path, line, $"community '{f[1]}' is not a non-negative integer");
        }
        var missing = Array.IndexOf(community, -1);
        if (missing >= 0) throw new GraphDataException(Path.Combine(folder, SeedCsvLayout.PlantedFolder, "communities.csv"), 0, $"user {graph.Users[missing]} has no community");

        var interests = new HashSet<int>[graph.UserCount];
        for (var u = 0; u < interests.Length; u++) interests[u] = [];
        foreach (var (path, line, f) in Rows(folder, "user_interests.csv", 3))
            interests[Index(graph.Users, f[0], path, line)].Add(Index(graph.Topics, f[1], path, line));
        return new PlantedTruth(community, interests);
    }

    private static int Index(IdMap map, string id, string path, long line) =>
        map.TryGetIndex(id, out var index) ? index : throw new GraphDataException(path, line, $"unknown id '{id}'");

    // Planted files hold ids and numbers only, never quoted fields, so splitting on commas is exact.
    private static IEnumerable<(string Path, long Line, string[] Fields)> Rows(string folder, string file, int columns)
    {
        var path = Path.Combine(folder, SeedCsvLayout.PlantedFolder, file);
        if (!File.Exists(path)) throw new GraphDataException(path, 0, "file is missing; was the folder made by 'seeds generate'?");
        var expected = string.Join(',', SeedCsvLayout.HeaderOf(file));
        long line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (line == 1)
            {
                if (text != expected) throw new GraphDataException(path, 1, $"header '{text}' is not '{expected}'");
                continue;
            }
            var fields = text.Split(',');
            if (fields.Length != columns) throw new GraphDataException(path, line, $"expected {columns} fields, found {fields.Length}");
            yield return (path, line, fields);
        }
    }
}
