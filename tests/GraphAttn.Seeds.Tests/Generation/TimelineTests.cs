using GraphAttn.Seeds.Tests.Support;

namespace GraphAttn.Seeds.Tests.Generation;

public sealed class TimelineTests(GeneratedGraphs graphs) : IClassFixture<GeneratedGraphs>
{
    private SeedFolder G => graphs.Main;
    private static long Start => GeneratedGraphs.Options.StartMs;
    private static long End => GeneratedGraphs.Options.EndMs;

    [Fact]
    public void Generate_Interactions_InTimeOrderInsideWindow()
    {
        var ts = G.Interactions.Rows.Select(r => long.Parse(r[3])).ToArray();
        Assert.All(ts, t => Assert.InRange(t, Start, End - 1));
        for (var i = 1; i < ts.Length; i++) Assert.True(ts[i - 1] <= ts[i], $"row {i + 1} goes back in time");
    }

    [Fact]
    public void Generate_EveryUser_HasOrderedHistoryOfAtLeastThree()
    {
        var perUser = G.Interactions.Rows.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(G.Users.Rows.Count, perUser.Count);
        Assert.All(perUser.Values, n => Assert.True(n >= 3));
    }

    [Fact]
    public void Generate_Interactions_NeverBeforeContentExistsOrUserJoined()
    {
        var created = G.Contents.Rows.ToDictionary(r => r[0], r => long.Parse(r[2]));
        var joined = G.Users.Rows.ToDictionary(r => r[0], r => long.Parse(r[2]));
        Assert.All(G.Interactions.Rows, r =>
        {
            var t = long.Parse(r[3]);
            Assert.True(t >= created[r[1]], $"{r[0]} touched {r[1]} before it was created");
            Assert.True(t > joined[r[0]], $"{r[0]} acted before joining");
        });
    }

    [Fact]
    public void Generate_FollowsAndPosts_ConsistentWithJoinAndCreation()
    {
        var joined = G.Users.Rows.ToDictionary(r => r[0], r => long.Parse(r[2]));
        var created = G.Contents.Rows.ToDictionary(r => r[0], r => long.Parse(r[2]));
        Assert.All(joined.Values, t => Assert.True(t < Start));
        Assert.All(G.Follows.Rows, r =>
        {
            var since = long.Parse(r[2]);
            Assert.InRange(since, Math.Max(joined[r[0]], joined[r[1]]), Start);
        });
        Assert.All(G.Posted.Rows, r =>
        {
            Assert.Equal(created[r[1]], long.Parse(r[2]));
            Assert.True(joined[r[0]] < created[r[1]], $"{r[0]} posted {r[1]} before joining");
        });
        Assert.All(created.Values, t => Assert.InRange(t, Start - 60 * 86_400_000L, End - 1));
    }
}
