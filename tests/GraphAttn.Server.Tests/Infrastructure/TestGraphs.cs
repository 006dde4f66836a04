using GraphAttn.Graph;

namespace GraphAttn.Server.Tests.Infrastructure;

/// <summary>
/// A hand-built graph whose answers can be worked out by hand.
/// Users: ann, bo, cy, dee, eli. Follows: ann→bo, ann→cy, bo→dee, cy→dee, dee→eli.
/// Topics: music, sport. Contents: m1, m2, m3 (music), s1, s2 (sport).
/// Histories, in time order: bo m2, cy m2, ann m1, bo s1, cy m3, dee s1, dee s2, dee m3, eli s2, ann m2.
/// </summary>
internal static class TestGraphs
{
    public static SocialGraph Small(string extraUser = "")
    {
        var b = new GraphBuilder();
        foreach (var u in new[] { "ann", "bo", "cy", "dee", "eli" }) b.AddUser(u, char.ToUpperInvariant(u[0]) + u[1..]);
        if (extraUser.Length > 0) b.AddUser(extraUser, extraUser);
        b.AddTopic("music", "Music");
        b.AddTopic("sport", "Sport");
        foreach (var c in new[] { "m1", "m2", "m3" }) { b.AddContent(c, "Song " + c); b.AddTagged(c, "music"); }
        foreach (var c in new[] { "s1", "s2" }) { b.AddContent(c, "Match " + c); b.AddTagged(c, "sport"); }
        b.AddFollow("ann", "bo"); b.AddFollow("ann", "cy"); b.AddFollow("bo", "dee"); b.AddFollow("cy", "dee"); b.AddFollow("dee", "eli");
        var t = 1_700_000_000_000L;
        void Saw(string u, string c, InteractionKind k = InteractionKind.View) => b.AddInteraction(u, c, k, t += 60_000);
        Saw("bo", "m2"); Saw("cy", "m2"); Saw("ann", "m1", InteractionKind.Like); Saw("bo", "s1");
        Saw("cy", "m3"); Saw("dee", "s1"); Saw("dee", "s2"); Saw("dee", "m3", InteractionKind.Share); Saw("eli", "s2");
        Saw("ann", "m2");
        b.AddPosted("eli", "m3");
        return b.Build();
    }

    /// <summary>
    /// Two communities big enough to train on: users u00..u(n-1), even ones into music, odd ones into sport; each
    /// follows 4 others of its community and interacts with 8 items of its topic (seeded, so always the same graph).
    /// </summary>
    public static SocialGraph Clustered(int users = 80, int contentsPerTopic = 40)
    {
        var random = new Random(11);
        var b = new GraphBuilder();
        b.AddTopic("music", "Music");
        b.AddTopic("sport", "Sport");
        for (var u = 0; u < users; u++) b.AddUser($"u{u:D2}", $"User {u}");
        for (var c = 0; c < 2 * contentsPerTopic; c++)
        {
            b.AddContent($"c{c:D3}", $"Item {c}");
            b.AddTagged($"c{c:D3}", c % 2 == 0 ? "music" : "sport");
        }
        var t = 1_700_000_000_000L;
        for (var u = 0; u < users; u++)
        {
            foreach (var v in Enumerable.Range(0, users).Where(v => v != u && v % 2 == u % 2).OrderBy(_ => random.Next()).Take(4))
                b.AddFollow($"u{u:D2}", $"u{v:D2}");
            foreach (var c in Enumerable.Range(0, contentsPerTopic).OrderBy(_ => random.Next()).Take(8))
                b.AddInteraction($"u{u:D2}", $"c{2 * c + u % 2:D3}", InteractionKind.View, t += 1_000);
        }
        return b.Build();
    }
}
