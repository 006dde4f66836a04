using GraphAttn.Graph;

namespace GraphAttn.Tests.Shared;

/// <summary>
/// A synthetic graph with planted structure: users and contents fall into <c>clusters</c> groups; each user
/// interacts with 8 contents of its own group and follows 4 users of its group, so any sensible method beats chance.
/// </summary>
internal static class ClusteredGraph
{
    public static SocialGraph Build(int users = 60, int contents = 40, int clusters = 4, int seed = 1)
    {
        var rng = new Random(seed);
        var b = new GraphBuilder();
        for (var u = 0; u < users; u++) b.AddUser($"u{u:D3}", $"user {u}");
        for (var c = 0; c < contents; c++) b.AddContent($"c{c:D3}", $"content {c}");
        for (var t = 0; t < clusters; t++) b.AddTopic($"t{t}", $"topic {t}");
        for (var c = 0; c < contents; c++) b.AddTagged($"c{c:D3}", $"t{c % clusters}");
        for (var u = 0; u < users; u++)
        {
            var group = u % clusters;
            var mine = Enumerable.Range(0, contents).Where(c => c % clusters == group).OrderBy(_ => rng.Next()).Take(8).ToList();
            for (var i = 0; i < mine.Count; i++)
                b.AddInteraction($"u{u:D3}", $"c{mine[i]:D3}", InteractionKind.View, 1_000_000 + (i * 1000) + u, 1f);
            var friends = Enumerable.Range(0, users).Where(v => v != u && v % clusters == group).OrderBy(_ => rng.Next()).Take(4);
            foreach (var v in friends)
            {
                b.AddFollow($"u{u:D3}", $"u{v:D3}");
                b.AddFollow($"u{v:D3}", $"u{u:D3}");
            }
        }
        return b.Build();
    }
}
