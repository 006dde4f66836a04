namespace GraphAttn.Seeds.Tests.Support;

/// <summary>A generated graph-seeds folder read back through <see cref="CsvTable"/>, with id lookups.</summary>
internal sealed class SeedFolder
{
    public SeedFolder(string path)
    {
        Path = path;
        Users = Table("users.csv");
        Contents = Table("contents.csv");
        Topics = Table("topics.csv");
        Follows = Table("follows.csv");
        Interactions = Table("interactions.csv");
        Posted = Table("posted.csv");
        Tagged = Table("tagged.csv");
        Communities = Table("planted/communities.csv").Rows.ToDictionary(r => r[0], r => int.Parse(r[1]));
        Interests = Table("planted/user_interests.csv").Rows.GroupBy(r => r[0])
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r[1], r => double.Parse(r[2])));
        ContentTopics = Tagged.Rows.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Select(r => r[1]).ToArray());
        FolloweesOf = Follows.Rows.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Select(r => r[1]).ToHashSet());
    }

    public string Path { get; }
    public CsvTable Users { get; }
    public CsvTable Contents { get; }
    public CsvTable Topics { get; }
    public CsvTable Follows { get; }
    public CsvTable Interactions { get; }
    public CsvTable Posted { get; }
    public CsvTable Tagged { get; }
    public Dictionary<string, int> Communities { get; }
    public Dictionary<string, Dictionary<string, double>> Interests { get; }
    public Dictionary<string, string[]> ContentTopics { get; }
    public Dictionary<string, HashSet<string>> FolloweesOf { get; }

    public CsvTable Table(string file) => CsvTable.Read(System.IO.Path.Combine(Path, file));

    /// <summary>Share of interactions whose item some followee of the user touched strictly earlier in the log.</summary>
    public double FolloweeEarlierShare()
    {
        var touchedBy = new Dictionary<string, HashSet<string>>();
        var hits = 0;
        foreach (var row in Interactions.Rows)
        {
            var (user, content) = (row[0], row[1]);
            if (!touchedBy.TryGetValue(content, out var users)) touchedBy[content] = users = [];
            if (FolloweesOf.TryGetValue(user, out var followees) && users.Overlaps(followees)) hits++;
            users.Add(user);
        }
        return (double)hits / Interactions.Rows.Count;
    }
}
