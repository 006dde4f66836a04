using GraphAttn.Seeds.Tests.Support;

namespace GraphAttn.Seeds.Tests.Generation;

public sealed class IntegrityTests(GeneratedGraphs graphs) : IClassFixture<GeneratedGraphs>
{
    private SeedFolder G => graphs.Main;

    [Fact]
    public void Generate_NodeFiles_IdsUnique()
    {
        Assert.Equal(G.Users.Rows.Count, G.Users.Rows.Select(r => r[0]).Distinct().Count());
        Assert.Equal(G.Contents.Rows.Count, G.Contents.Rows.Select(r => r[0]).Distinct().Count());
        Assert.Equal(G.Topics.Rows.Count, G.Topics.Rows.Select(r => r[0]).Distinct().Count());
        Assert.Equal(G.Topics.Rows.Count, G.Topics.Rows.Select(r => r[1]).Distinct().Count());
    }

    [Fact]
    public void Generate_Relationships_EveryEndpointExists()
    {
        var users = G.Users.Rows.Select(r => r[0]).ToHashSet();
        var contents = G.Contents.Rows.Select(r => r[0]).ToHashSet();
        var topics = G.Topics.Rows.Select(r => r[0]).ToHashSet();

        Assert.All(G.Follows.Rows, r => Assert.True(users.Contains(r[0]) && users.Contains(r[1]), string.Join(",", r)));
        Assert.All(G.Interactions.Rows, r => Assert.True(users.Contains(r[0]) && contents.Contains(r[1]), string.Join(",", r)));
        Assert.All(G.Posted.Rows, r => Assert.True(users.Contains(r[0]) && contents.Contains(r[1]), string.Join(",", r)));
        Assert.All(G.Tagged.Rows, r => Assert.True(contents.Contains(r[0]) && topics.Contains(r[1]), string.Join(",", r)));
        Assert.Equal(users, G.Communities.Keys.ToHashSet());
        Assert.Equal(users, G.Interests.Keys.ToHashSet());
        Assert.All(G.Interests.Values.SelectMany(i => i.Keys), t => Assert.Contains(t, topics));
    }

    [Fact]
    public void Generate_Follows_NoSelfLoopsNoDuplicates()
    {
        Assert.DoesNotContain(G.Follows.Rows, r => r[0] == r[1]);
        Assert.Equal(G.Follows.Rows.Count, G.Follows.Rows.Select(r => (r[0], r[1])).Distinct().Count());
    }

    [Fact]
    public void Generate_Contents_OneAuthorAndOneToThreeDistinctTopics()
    {
        Assert.Equal(G.Contents.Rows.Select(r => r[0]).Order(), G.Posted.Rows.Select(r => r[1]).Order());
        Assert.Equal(G.Contents.Rows.Count, G.ContentTopics.Count);
        Assert.All(G.ContentTopics.Values, t =>
        {
            Assert.InRange(t.Length, 1, 3);
            Assert.Equal(t.Length, t.Distinct().Count());
        });
        Assert.Contains(G.ContentTopics.Values, t => t.Length > 1);
    }

    [Fact]
    public void Generate_Counts_NearRequestedAverages()
    {
        var users = GeneratedGraphs.Options.Users;
        Assert.InRange(G.Follows.Rows.Count / (double)users, 0.8 * GeneratedGraphs.Options.AvgFollows, 1.1 * GeneratedGraphs.Options.AvgFollows);
        Assert.InRange(G.Interactions.Rows.Count / (double)users, 0.9 * GeneratedGraphs.Options.AvgInteractions, 1.15 * GeneratedGraphs.Options.AvgInteractions);
        Assert.Equal(GeneratedGraphs.Options.ContentCount, G.Contents.Rows.Count);
    }

    [Fact]
    public void Generate_PlantedInterests_WeightsSumToOne()
    {
        Assert.All(G.Interests.Values, i =>
        {
            Assert.InRange(i.Values.Sum(), 0.998, 1.002);
            Assert.All(i.Values, w => Assert.True(w > 0));
        });
    }
}
