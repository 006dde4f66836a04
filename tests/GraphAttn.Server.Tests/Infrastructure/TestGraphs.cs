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
}
