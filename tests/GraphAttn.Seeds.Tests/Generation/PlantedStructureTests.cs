using GraphAttn.Seeds.Tests.Support;

namespace GraphAttn.Seeds.Tests.Generation;

/// <summary>
/// What a good model should find is really there: each planted signal is compared with the value it would have
/// without the planting (a random baseline or a control graph), not with a tuned constant.
/// </summary>
public sealed class PlantedStructureTests(GeneratedGraphs graphs) : IClassFixture<GeneratedGraphs>
{
    private SeedFolder G => graphs.Main;

    [Fact]
    public void Generate_Follows_MostlyWithinCommunity()
    {
        var within = G.Follows.Rows.Count(r => G.Communities[r[0]] == G.Communities[r[1]]) / (double)G.Follows.Rows.Count;
        // Random follows land in the follower's community with probability sum over communities of (size/n)^2.
        var n = (double)G.Communities.Count;
        var random = G.Communities.Values.GroupBy(c => c).Sum(g => Math.Pow(g.Count() / n, 2));

        Assert.True(within > 0.6, $"within-community follow share {within:F3}");
        Assert.True(within > 4 * random, $"within {within:F3} vs random {random:F3}");
    }

    [Fact]
    public void Generate_Follows_InDegreePopularitySkewed()
    {
        var inDegrees = G.Follows.Rows.GroupBy(r => r[1]).Select(g => g.Count()).OrderDescending().ToArray();
        var mean = G.Follows.Rows.Count / (double)G.Users.Rows.Count;
        var topPercent = inDegrees.Take(G.Users.Rows.Count / 100).Sum() / (double)G.Follows.Rows.Count;

        Assert.True(inDegrees[0] > 8 * mean, $"max in-degree {inDegrees[0]} vs mean {mean:F1}");
        Assert.True(topPercent > 0.05, $"top 1% of users receive {topPercent:P1} of follows (uniform: 1%)");
    }

    [Fact]
    public void Generate_Interactions_TopicsMatchOwnInterestsFarAboveChance()
    {
        var own = MatchShare(G.Interactions.Rows.Select(r => (r[0], r[1])));
        // Chance: the same interactions paired with the interests of another user (a fixed rotation of the user list).
        var users = G.Users.Rows.Select(r => r[0]).ToArray();
        var other = users.Select((u, i) => (u, users[(i + users.Length / 2 + 1) % users.Length])).ToDictionary(p => p.u, p => p.Item2);
        var shifted = MatchShare(G.Interactions.Rows.Select(r => (other[r[0]], r[1])));

        Assert.True(own > 0.85, $"own-interest match {own:F3}");
        Assert.True(own > 1.8 * shifted, $"own {own:F3} vs another user's interests {shifted:F3}");
    }

    [Fact]
    public void Generate_SocialInfluence_RaisesShareOfFolloweeEarlierItems()
    {
        var withInfluence = G.FolloweeEarlierShare();
        var control = graphs.NoSocial.FolloweeEarlierShare();

        Assert.True(graphs.Summary.SocialInteractions > 0.15 * graphs.Summary.Interactions,
            $"{graphs.Summary.SocialInteractions} social of {graphs.Summary.Interactions}");
        Assert.True(withInfluence > control + 0.1, $"followee-earlier share {withInfluence:F3} vs {control:F3} without influence");
    }

    [Fact]
    public void Generate_Interactions_PopularitySkewed()
    {
        var perItem = G.Interactions.Rows.GroupBy(r => r[1]).Select(g => g.Count()).OrderDescending().ToArray();
        var topPercent = perItem.Take(G.Contents.Rows.Count / 100).Sum() / (double)G.Interactions.Rows.Count;
        Assert.True(topPercent > 0.05, $"top 1% of contents hold {topPercent:P1} of interactions (uniform: 1%)");
    }

    [Fact]
    public void Generate_Communities_HaveDistinctTopicMixes()
    {
        var mixes = G.Table("planted/community_topics.csv").Rows.GroupBy(r => r[0])
            .Select(g => string.Join(",", g.Select(r => r[1]).Order())).ToArray();
        Assert.Equal(GeneratedGraphs.Options.Communities, mixes.Length);
        Assert.Equal(mixes.Length, mixes.Distinct().Count());
    }

    private double MatchShare(IEnumerable<(string User, string Content)> pairs)
    {
        var list = pairs.ToList();
        return list.Count(p => G.ContentTopics[p.Content].Any(G.Interests[p.User].ContainsKey)) / (double)list.Count;
    }
}
