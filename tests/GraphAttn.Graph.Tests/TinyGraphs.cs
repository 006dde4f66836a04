namespace GraphAttn.Graph.Tests;

/// <summary>Hand-built graphs small enough to check every number by hand.</summary>
internal static class TinyGraphs
{
    /// <summary>
    /// Users a..e. Follows: a→b, a→c, b→c, c→d, d→e. Topics music, sport. Contents m1,m2 (music), s1 (sport),
    /// x (music+sport). Histories: a: m1@1, s1@2; b: m1@5, m2@6; c: m2@3, x@4; d: s1@7.
    /// </summary>
    public static SocialGraph Five()
    {
        var b = new GraphBuilder();
        foreach (var u in "abcde") b.AddUser(u.ToString(), u.ToString().ToUpperInvariant());
        b.AddTopic("music", "Music");
        b.AddTopic("sport", "Sport");
        foreach (var c in new[] { "m1", "m2", "s1", "x" }) b.AddContent(c, c);
        b.AddTagged("m1", "music"); b.AddTagged("m2", "music"); b.AddTagged("s1", "sport");
        b.AddTagged("x", "music"); b.AddTagged("x", "sport");
        b.AddFollow("a", "b"); b.AddFollow("a", "c"); b.AddFollow("b", "c"); b.AddFollow("c", "d"); b.AddFollow("d", "e");
        b.AddInteraction("a", "s1", InteractionKind.Like, 2);
        b.AddInteraction("a", "m1", InteractionKind.View, 1);
        b.AddInteraction("b", "m1", InteractionKind.View, 5);
        b.AddInteraction("b", "m2", InteractionKind.View, 6);
        b.AddInteraction("c", "m2", InteractionKind.View, 3);
        b.AddInteraction("c", "x", InteractionKind.Share, 4);
        b.AddInteraction("d", "s1", InteractionKind.View, 7);
        b.AddPosted("e", "x");
        return b.Build();
    }
}
