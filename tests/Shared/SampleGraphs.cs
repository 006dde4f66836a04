using GraphAttn.Graph;
using GraphAttn.Graph.Loading.GraphSeeds;

namespace GraphAttn.Tests.Shared;

/// <summary>The demo graph from graph-seeds (loaded once) and seeded random graphs with awkward corners.</summary>
internal static class SampleGraphs
{
    private static readonly Lazy<SocialGraph> DemoGraph = new(() => new CsvGraphSource(DemoFolder).Load());

    /// <summary>graph-seeds/demo, found by walking up from the test binary.</summary>
    public static string DemoFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "graph-seeds", "demo");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException($"graph-seeds/demo not found above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>The 2,000-user demo graph.</summary>
    public static SocialGraph Demo => DemoGraph.Value;

    /// <summary>
    /// A random graph: users with skewed out-degree (a hub followed by many), some users with no follows and no history,
    /// contents with no topics or no users, repeated interactions with the same content.
    /// </summary>
    public static SocialGraph Random(int users = 150, int contents = 120, int topics = 7, int seed = 5, string prefix = "")
    {
        var random = new Random(seed);
        var b = new GraphBuilder();
        for (var u = 0; u < users; u++) b.AddUser($"{prefix}u{u}", $"user {u}");
        for (var c = 0; c < contents; c++) b.AddContent($"{prefix}c{c}", $"content {c}");
        for (var t = 0; t < topics; t++) b.AddTopic($"{prefix}t{t}", $"topic {t}");
        for (var c = 0; c < contents; c++)
            for (var k = random.Next(4); k > 0; k--) b.AddTagged($"{prefix}c{c}", $"{prefix}t{random.Next(topics)}");
        for (var u = 0; u < users; u++)
        {
            if (u % 11 == 0) continue; // isolated: no follows, no history
            for (var k = random.Next(12); k > 0; k--) b.AddFollow($"{prefix}u{u}", $"{prefix}u{(random.Next(3) == 0 ? 0 : random.Next(users))}");
            for (var k = random.Next(25); k > 0; k--)
                b.AddInteraction($"{prefix}u{u}", $"{prefix}c{random.Next(contents / 2) * (random.Next(2) + 1)}",
                    (InteractionKind)random.Next(5), 1_700_000_000_000 + random.Next(1_000_000) * 60_000L);
        }
        return b.Build();
    }

    /// <summary>
    /// Two communities: users of community k follow members of k and interact with contents of k, tagged with topic k.
    /// Contents [0, contentsPerCommunity) belong to community 0, the rest to community 1; users likewise.
    /// </summary>
    public static SocialGraph Communities(int usersPerCommunity = 30, int contentsPerCommunity = 40, int seed = 1)
    {
        var random = new Random(seed);
        var b = new GraphBuilder();
        for (var u = 0; u < 2 * usersPerCommunity; u++) b.AddUser($"u{u}");
        for (var c = 0; c < 2 * contentsPerCommunity; c++) b.AddContent($"c{c}");
        b.AddTopic("t0");
        b.AddTopic("t1");
        for (var c = 0; c < 2 * contentsPerCommunity; c++) b.AddTagged($"c{c}", c < contentsPerCommunity ? "t0" : "t1");
        for (var u = 0; u < 2 * usersPerCommunity; u++)
        {
            var k = u / usersPerCommunity;
            foreach (var c in Enumerable.Range(0, contentsPerCommunity).OrderBy(_ => random.Next()).Take(15))
                b.AddInteraction($"u{u}", $"c{k * contentsPerCommunity + c}", (InteractionKind)random.Next(5),
                    1_700_000_000_000 + random.Next(1_000_000_000));
            foreach (var v in Enumerable.Range(0, usersPerCommunity).Where(v => v != u % usersPerCommunity).OrderBy(_ => random.Next()).Take(4))
                b.AddFollow($"u{u}", $"u{k * usersPerCommunity + v}");
        }
        return b.Build();
    }
}
