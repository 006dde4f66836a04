using System.Globalization;
using System.Text;

namespace GraphAttn.Tests.Shared.Bolt;

/// <summary>
/// A small graph-seeds data set kept as rows, written out as a graph-seeds CSV folder and replayed as the rows
/// Neo4j would return for <see cref="Neo4j.Graph.CypherQueries"/> on a database loaded by graph-seeds/load.cypher.
/// </summary>
internal sealed class SeedData
{
    public List<(string Id, string Name, long JoinedAt)> Users { get; } = [];
    public List<(string Id, string Title, long CreatedAt)> Contents { get; } = [];
    public List<(string Id, string Name)> Topics { get; } = [];
    public List<(string From, string To, long Since)> Follows { get; } = [];
    public List<(string User, string Content, string Kind, long Ts, double Weight)> Interactions { get; } = [];
    public List<(string User, string Content, long Ts)> Posted { get; } = [];
    public List<(string Content, string Topic)> Tagged { get; } = [];

    public static SeedData Sample()
    {
        var d = new SeedData();
        string[] names = ["Ada, \"the first\"", "Bram", "Chloé", "Dev", "Eve", "Fay", "Gus"];
        for (var i = 0; i < names.Length; i++) d.Users.Add(($"u{i + 1:D6}", names[i], i == 6 ? 3_000 : 1_000 + i * 100));
        for (var i = 0; i < 6; i++) d.Contents.Add(($"c{i + 1:D6}", $"Post {i + 1}", 2_000 + i * 100));
        d.Topics.AddRange([("t001", "Jazz"), ("t002", "Hiking"), ("t003", "Cooking")]);
        d.Follows.AddRange([("u000001", "u000002", 1500), ("u000001", "u000003", 1600), ("u000002", "u000001", 1700),
            ("u000004", "u000001", 2500), ("u000005", "u000006", 2600), ("u000006", "u000005", 2700), ("u000007", "u000001", 3200)]);
        d.Interactions.AddRange([("u000001", "c000001", "view", 2100, 1), ("u000001", "c000002", "like", 2200, 2),
            ("u000002", "c000001", "comment", 2300, 3), ("u000003", "c000003", "share", 2400, 1.5),
            ("u000005", "c000004", "play", 2500, 12), ("u000005", "c000001", "view", 3100, 1), ("u000007", "c000006", "like", 3300, 2)]);
        for (var i = 0; i < 6; i++) d.Posted.Add((d.Users[i].Id, d.Contents[i].Id, d.Contents[i].CreatedAt));
        d.Tagged.AddRange([("c000001", "t001"), ("c000001", "t002"), ("c000002", "t002"), ("c000004", "t003"), ("c000006", "t001")]);
        return d;
    }

    /// <summary>The rows that existed at <paramref name="asOfMs"/> (everything stamped at or before it).</summary>
    public SeedData AsOf(long asOfMs)
    {
        var d = new SeedData();
        d.Users.AddRange(Users.Where(u => u.JoinedAt <= asOfMs));
        d.Contents.AddRange(Contents.Where(c => c.CreatedAt <= asOfMs));
        d.Topics.AddRange(Topics);
        d.Follows.AddRange(Follows.Where(f => f.Since <= asOfMs));
        d.Interactions.AddRange(Interactions.Where(x => x.Ts <= asOfMs));
        d.Posted.AddRange(Posted.Where(p => p.Ts <= asOfMs));
        var contents = d.Contents.Select(c => c.Id).ToHashSet();
        d.Tagged.AddRange(Tagged.Where(t => contents.Contains(t.Content)));
        return d;
    }

    public string WriteFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        Write(folder, "users.csv", "userId:ID(User),name,joinedAt:long", Users.Select(u => new object[] { u.Id, u.Name, u.JoinedAt }));
        Write(folder, "contents.csv", "contentId:ID(Content),title,createdAt:long", Contents.Select(c => new object[] { c.Id, c.Title, c.CreatedAt }));
        Write(folder, "topics.csv", "topicId:ID(Topic),name", Topics.Select(t => new object[] { t.Id, t.Name }));
        Write(folder, "follows.csv", ":START_ID(User),:END_ID(User),since:long", Follows.Select(f => new object[] { f.From, f.To, f.Since }));
        Write(folder, "interactions.csv", ":START_ID(User),:END_ID(Content),kind,ts:long,weight:float",
            Interactions.Select(x => new object[] { x.User, x.Content, x.Kind, x.Ts, x.Weight }));
        Write(folder, "posted.csv", ":START_ID(User),:END_ID(Content),ts:long", Posted.Select(p => new object[] { p.User, p.Content, p.Ts }));
        Write(folder, "tagged.csv", ":START_ID(Content),:END_ID(Topic)", Tagged.Select(t => new object[] { t.Content, t.Topic }));
        return folder;
    }

    private static void Write(string folder, string file, string header, IEnumerable<object[]> rows)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(v => v is string s && (s.Contains(',') || s.Contains('"'))
                ? "\"" + s.Replace("\"", "\"\"") + "\""
                : Convert.ToString(v, CultureInfo.InvariantCulture))).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, file), text.ToString());
    }
}
