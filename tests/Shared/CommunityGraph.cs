using GraphAttn.Graph;

namespace GraphAttn.Tests.Shared;

/// <summary>
/// A small graph with learnable structure: two communities of users, each interacting with its own half of the
/// contents (tagged with its own topic) and following members of its own community.
/// </summary>
internal static class CommunityGraph
{
    public static SocialGraph Build(int usersPerCommunity = 20, int contentsPerCommunity = 30, int seed = 1,
        int interactionsPerUser = 10, int followsPerUser = 4)
    {
        var random = new Random(seed);
        var builder = new GraphBuilder();
        var users = 2 * usersPerCommunity;
        for (var u = 0; u < users; u++) builder.AddUser($"u{u:D6}", $"user {u}");
        for (var c = 0; c < 2 * contentsPerCommunity; c++) builder.AddContent($"c{c:D6}", $"content {c}");
        builder.AddTopic("t001", "first");
        builder.AddTopic("t002", "second");
        for (var c = 0; c < 2 * contentsPerCommunity; c++) builder.AddTagged($"c{c:D6}", c < contentsPerCommunity ? "t001" : "t002");
        for (var u = 0; u < users; u++)
        {
            var community = u / usersPerCommunity;
            foreach (var c in Enumerable.Range(0, contentsPerCommunity).OrderBy(_ => random.Next()).Take(interactionsPerUser))
                builder.AddInteraction($"u{u:D6}", $"c{community * contentsPerCommunity + c:D6}",
                    (InteractionKind)random.Next(5), 1_700_000_000_000 + random.Next(1_000_000_000), 1f);
            foreach (var v in Enumerable.Range(0, usersPerCommunity).Where(v => v != u % usersPerCommunity)
                         .OrderBy(_ => random.Next()).Take(followsPerUser))
                builder.AddFollow($"u{u:D6}", $"u{community * usersPerCommunity + v:D6}", 0);
        }
        builder.AddUser("u999999", "no history, no follows");
        return builder.Build();
    }
}
