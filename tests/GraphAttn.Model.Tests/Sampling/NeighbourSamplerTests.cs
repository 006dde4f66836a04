using GraphAttn.Graph;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Sampling;

namespace GraphAttn.Model.Tests.Sampling;

public sealed class NeighbourSamplerTests
{
    private static readonly SocialGraph Graph = CommunityGraph.Build(usersPerCommunity: 25, contentsPerCommunity: 30,
        interactionsPerUser: 12, followsPerUser: 9);

    private static readonly int[] AllUsers = Enumerable.Range(0, Graph.UserCount).ToArray();
    private static readonly int[] AllContents = Enumerable.Range(0, Graph.ContentCount).ToArray();
    private static readonly HistoryBatch History = HistoryBatch.From(Graph.Interactions, length: 6, timeBuckets: 16);

    private static NeighbourSampler Sampler(FanOut fanOut) => new(Graph, fanOut, History);

    [Fact]
    public void Sample_SameSeedTwice_GivesSameBlock()
    {
        var sampler = Sampler(new FanOut(3, 4, 5));
        var first = sampler.Sample(AllUsers, AllContents, seed: 17);
        var second = sampler.Sample(AllUsers, AllContents, seed: 17);
        Assert.Equal(first.Users.Followees.Sources, second.Users.Followees.Sources);
        Assert.Equal(first.Users.Contents.Sources, second.Users.Contents.Sources);
        Assert.Equal(first.Contents.Users.Sources, second.Contents.Users.Sources);
    }

    [Fact]
    public void Sample_OtherSeed_ChoosesOtherEdges()
    {
        var sampler = Sampler(new FanOut(3, 4, 5));
        var first = sampler.Sample(AllUsers, AllContents, seed: 17);
        var second = sampler.Sample(AllUsers, AllContents, seed: 18);
        Assert.NotEqual(first.Users.Followees.Sources, second.Users.Followees.Sources);
        Assert.NotEqual(first.Contents.Users.Sources, second.Contents.Users.Sources);
    }

    [Fact]
    public void Sample_TargetInAnotherBatch_GetsSameEdges()
    {
        var sampler = Sampler(new FanOut(3, 4, 5));
        var whole = sampler.Sample(AllUsers, AllContents, seed: 5);
        var part = sampler.Sample([7, 30], [2, 40], seed: 5);
        Assert.Equal(whole.Users.Followees.Of(30).ToArray(), part.Users.Followees.Of(1).ToArray());
        Assert.Equal(whole.Users.Contents.Of(7).ToArray(), part.Users.Contents.Of(0).ToArray());
        Assert.Equal(whole.Contents.Users.Of(40).ToArray(), part.Contents.Users.Of(1).ToArray());
    }

    [Fact]
    public void Sample_SmallFanOut_CapsDegreeAndKeepsSmallNeighbourhoods()
    {
        var fanOut = new FanOut(3, 4, 5);
        var block = Sampler(fanOut).Sample(AllUsers, AllContents, seed: 1);
        var userContents = Graph.ContentUsers.Transpose(Graph.UserCount);
        Assert.Contains(AllUsers, u => Graph.Following.Degree(u) > fanOut.Follows);
        foreach (var u in AllUsers)
        {
            Assert.Equal(Math.Min(Graph.Following.Degree(u), fanOut.Follows), block.Users.Followees.Of(u).Length);
            Assert.Equal(Math.Min(userContents.Degree(u), fanOut.Interactions), block.Users.Contents.Of(u).Length);
        }
        foreach (var c in AllContents)
            Assert.Equal(Math.Min(Graph.ContentUsers.Degree(c), fanOut.ContentUsers), block.Contents.Users.Of(c).Length);
    }

    [Fact]
    public void Sample_AnyFanOut_ListsOnlyRealEdgesOnceEach()
    {
        var block = Sampler(new FanOut(2, 2, 2)).Sample(AllUsers, AllContents, seed: 3);
        foreach (var u in AllUsers)
        {
            AssertSortedSubset(block.Users.Followees.Of(u), Graph.Following.Neighbors(u));
            var seen = Graph.Interactions.ContentOf(u).ToArray().Distinct().Order().ToArray();
            AssertSortedSubset(block.Users.Contents.Of(u), seen);
        }
        foreach (var c in AllContents) AssertSortedSubset(block.Contents.Users.Of(c), Graph.ContentUsers.Neighbors(c));
    }

    [Fact]
    public void Sample_FanOutAtLeastMaxDegree_GivesFullNeighbourhood()
    {
        var maxDegree = Math.Max(AllUsers.Max(Graph.Following.Degree), AllContents.Max(Graph.ContentUsers.Degree));
        var block = Sampler(new FanOut(maxDegree, 1000, maxDegree)).Sample(AllUsers, AllContents, seed: 9);
        Assert.Equal(Graph.Following.Targets, block.Users.Followees.Sources);
        Assert.Equal(Graph.ContentUsers.Targets, block.Contents.Users.Sources);
        Assert.Equal(Graph.ContentUsers.Transpose(Graph.UserCount).Targets, block.Users.Contents.Sources);
    }

    [Fact]
    public void Sample_AnyFanOut_HistoryIsTheLastInteractionsUnsampled()
    {
        var block = Sampler(new FanOut(1, 1, 1)).Sample([3, 41], [], seed: 2);
        Assert.Equal(History.Items.AsSpan(3 * 6, 6).ToArray(), block.Users.History.Items.AsSpan(0, 6).ToArray());
        Assert.Equal(History.Items.AsSpan(41 * 6, 6).ToArray(), block.Users.History.Items.AsSpan(6, 6).ToArray());
        Assert.Equal(Graph.Interactions.ContentOf(3)[^1], (int)block.Users.History.Items[0]);
    }

    [Fact]
    public void Sample_TargetOutOfRange_Throws()
    {
        var sampler = Sampler(new FanOut());
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
