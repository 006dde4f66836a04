using GraphAttn.Graph;

namespace GraphAttn.Model.Tests.Training;

/// <summary>
/// A random graph whose per-node degrees do not depend on its size: every user follows <c>follows</c> random users and
/// interacts with <c>interactions</c> random contents; each content has one of 8 topics. Two sizes of it differ only
/// in how many nodes there are, which is what a test of per-step cost against graph size needs.
/// </summary>
internal static class UniformGraph
{
    public static SocialGraph Build(int users, int contents, int follows = 8, int interactions = 15, int seed = 3)
    {
        var random = new Random(seed);
        var builder = new GraphBuilder();
        for (var u = 0; u < users; u++) builder.AddUser($"u{u:D7}");
        for (var t = 0; t < 8; t++) builder.AddTopic($"t{t:D3}");
        for (var c = 0; c < contents; c++)
        {
            builder.AddContent($"c{c:D7}");
            builder.AddTagged($"c{c:D7}", $"t{c % 8:D3}");
        }
        for (var u = 0; u < users; u++)
        {
            for (var f = 0; f < follows; f++)
            {
                var v = random.Next(users - 1);
                builder.AddFollow($"u{u:D7}", $"u{(v >= u ? v + 1 : v):D7}");
            }
            for (var i = 0; i < interactions; i++)
                builder.AddInteraction($"u{u:D7}", $"c{random.Next(contents):D7}", InteractionKind.View,
                    1_700_000_000_000 + i * 60_000L);
        }
        return builder.Build();
    }
}
