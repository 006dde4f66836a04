using GraphAttn.Graph;

namespace GraphAttn.Tests.Shared;

/// <summary>Hand-built graphs for tests.</summary>
internal static class SmallGraphs
{
    /// <summary>
    /// 6 users, 8 contents, 3 topics. Users u0..u3 interact with several contents (u0 twice with c0), u4 with one,
    /// u5 with none; follows are mutual pairs (u0,u1), (u1,u2), (u2,u3), (u0,u2) plus one way u4 -> u0.
    /// </summary>
    public static SocialGraph Social()
    {
        var b = new GraphBuilder();
        for (var u = 0; u < 6; u++) b.AddUser($"u{u}", $"User, \"{u}\"");
        for (var c = 0; c < 8; c++) b.AddContent($"c{c}", $"Title {c}");
        for (var t = 0; t < 3; t++) b.AddTopic($"t{t}", $"topic {t}");
        for (var c = 0; c < 8; c++) b.AddTagged($"c{c}", $"t{c % 3}");
        b.AddPosted("u3", "c7");
        foreach (var (a, c) in new[] { (0, 1), (1, 2), (2, 3), (0, 2) })
        {
            b.AddFollow($"u{a}", $"u{c}");
            b.AddFollow($"u{c}", $"u{a}");
        }
        b.AddFollow("u4", "u0");
        int[][] history = [[0, 1, 2, 3, 4, 0], [1, 2, 5], [2, 3, 6, 7], [0, 4, 5, 6, 7], [7], []];
        for (var u = 0; u < history.Length; u++)
        {
            for (var i = 0; i < history[u].Length; i++)
            {
                var kind = i % 2 == 0 ? InteractionKind.View : InteractionKind.Like;
                b.AddInteraction($"u{u}", $"c{history[u][i]}", kind, 1_700_000_000_000 + (i * 1000) + u, 1f + (i * 0.5f));
            }
        }
        return b.Build();
    }
}
