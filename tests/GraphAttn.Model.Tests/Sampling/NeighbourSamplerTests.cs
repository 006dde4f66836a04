using GraphAttn.Graph;
using GraphAttn.Model.Sampling;
using GraphAttn.Model.Tests.Modeling;

namespace GraphAttn.Model.Tests.Sampling;

public sealed class NeighbourSamplerTests
{
    private static readonly SocialGraph Graph = CommunityGraph.Build(usersPerCommunity: 25, contentsPerCommunity: 30,
        interactionsPerUser: 12, followsPerUser: 9);

    private static readonly int[] AllUsers = Enumerable.Range(0, Graph.UserCount).ToArray();
    private static readonly int[] AllContents = Enumerable.Range(0, Graph.ContentCount).ToArray();

    [Fact]
    public void Sample_SameSeedTwice_GivesSameBlock()
    {
        var sampler = new NeighbourSampler(Graph, new FanOut(3, 4, 5));
        var first = sampler.Sample(AllUsers, AllContents, seed: 17);
        var second = sampler.Sample(AllUsers, AllContents, seed: 17);
        Assert.Equal(first.Follows.Sources, second.Follows.Sources);
        Assert.Equal(first.Interactions.Sources, second.Interactions.Sources);
        Assert.Equal(first.ContentUsers.Sources, second.ContentUsers.Sources);
    }

    [Fact]
    public void Sample_OtherSeed_ChoosesOtherEdges()
    {
        var sampler = new NeighbourSampler(Graph, new FanOut(3, 4, 5));
        var first = sampler.Sample(AllUsers, AllContents, seed: 17);
        var second = sampler.Sample(AllUsers, AllContents, seed: 18);
        Assert.NotEqual(first.Follows.Sources, second.Follows.Sources);
        Assert.NotEqual(first.ContentUsers.Sources, second.ContentUsers.Sources);
    }

    [Fact]
    public void Sample_TargetInAnotherBatch_GetsSameEdges()
    {
        var sampler = new NeighbourSampler(Graph, new FanOut(3, 4, 5));
        var whole = sampler.Sample(AllUsers, AllContents, seed: 5);
        var part = sampler.Sample([7, 30], [2, 40], seed: 5);
        Assert.Equal(whole.Follows.Of(30).ToArray(), part.Follows.Of(1).ToArray());
        Assert.Equal(whole.Interactions.Of(7).ToArray(), part.Interactions.Of(0).ToArray());
        Assert.Equal(whole.ContentUsers.Of(40).ToArray(), part.ContentUsers.Of(1).ToArray());
    }

    [Fact]
    public void Sample_SmallFanOut_CapsDegreeAndKeepsSmallNeighbourhoods()
    {
        var fanOut = new FanOut(3, 4, 5);
        var block = new NeighbourSampler(Graph, fanOut).Sample(AllUsers, AllContents, seed: 1);
        var userContents = Graph.ContentUsers.Transpose(Graph.UserCount);
        Assert.Contains(AllUsers, u => Graph.Following.Degree(u) > fanOut.Follows);
        foreach (var u in AllUsers)
        {
            Assert.Equal(Math.Min(Graph.Following.Degree(u), fanOut.Follows), block.Follows.Of(u).Length);
            Assert.Equal(Math.Min(userContents.Degree(u), fanOut.Interactions), block.Interactions.Of(u).Length);
        }
        foreach (var c in AllContents)
            Assert.Equal(Math.Min(Graph.ContentUsers.Degree(c), fanOut.ContentUsers), block.ContentUsers.Of(c).Length);
    }

    [Fact]
    public void Sample_AnyFanOut_ListsOnlyRealEdgesOnceEach()
    {
        var block = new NeighbourSampler(Graph, new FanOut(2, 2, 2)).Sample(AllUsers, AllContents, seed: 3);
        foreach (var u in AllUsers)
        {
            AssertSortedSubset(block.Follows.Of(u), Graph.Following.Neighbors(u));
            var seen = Graph.Interactions.ContentOf(u).ToArray().Distinct().Order().ToArray();
            AssertSortedSubset(block.Interactions.Of(u), seen);
        }
        foreach (var c in AllContents) AssertSortedSubset(block.ContentUsers.Of(c), Graph.ContentUsers.Neighbors(c));
    }

    [Fact]
    public void Sample_FanOutAtLeastMaxDegree_GivesFullNeighbourhood()
    {
        var maxDegree = Math.Max(AllUsers.Max(Graph.Following.Degree), AllContents.Max(Graph.ContentUsers.Degree));
        var block = new NeighbourSampler(Graph, new FanOut(maxDegree, 1000, maxDegree)).Sample(AllUsers, AllContents, seed: 9);
        Assert.Equal(Graph.Following.Targets, block.Follows.Sources);
        Assert.Equal(Graph.ContentUsers.Targets, block.ContentUsers.Sources);
        Assert.Equal(Graph.ContentUsers.Transpose(Graph.UserCount).Targets, block.Interactions.Sources);
    }

    [Fact]
    public void Sample_TargetOutOfRange_Throws()
    {
        var sampler = new NeighbourSampler(Graph, new FanOut());
        Assert.Throws<ArgumentException>(() => sampler.Sample([Graph.UserCount], [], seed: 1));
    }

    private static void AssertSortedSubset(ReadOnlySpan<int> sampled, ReadOnlySpan<int> all)
    {
        for (var i = 0; i < sampled.Length; i++)
        {
            Assert.True(all.BinarySearch(sampled[i]) >= 0, $"{sampled[i]} is not a neighbour");
            if (i > 0) Assert.True(sampled[i] > sampled[i - 1], "sampled edges are not ascending and distinct");
        }
    }
}
