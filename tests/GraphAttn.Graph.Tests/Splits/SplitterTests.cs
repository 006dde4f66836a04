using GraphAttn.Graph.Splits;

namespace GraphAttn.Graph.Tests.Splits;

public sealed class SplitterTests
{
    [Theory]
    [InlineData(10, 8, 1, 1)]
    [InlineData(49, 41, 4, 4)]
    [InlineData(5, 3, 1, 1)]
    [InlineData(2, 1, 0, 1)]
    [InlineData(1, 1, 0, 0)]
    public void Counts_RecBoleRoundingRule_GivesExpectedSizes(int total, int train, int valid, int test)
    {
        Assert.Equal([train, valid, test], RandomRatioSplitter.Counts(total, SplitDefaults.RandomRatios));
    }

    [Fact]
    public void RandomSplit_EveryPairInExactlyOnePart_AndSeedRepeats()
    {
        var events = Events(users: 20, perUser: 30);
        var (valid, test) = RandomRatioSplitter.Split(events, 20, 100, seed: 5);
        var again = RandomRatioSplitter.Split(events, 20, 100, seed: 5);
        var other = RandomRatioSplitter.Split(events, 20, 100, seed: 6);
        Assert.Equal(test.Pairs(), again.Test.Pairs());
        Assert.NotEqual(test.Pairs(), other.Test.Pairs());
        for (var u = 0; u < 20; u++)
        {
            Assert.Equal(3, valid.RowLength(u));
            Assert.Equal(3, test.RowLength(u));
            Assert.Empty(valid.Row(u).ToArray().Intersect(test.Row(u).ToArray()));
        }
    }

    [Fact]
    public void RandomSplit_BadRatios_Throws()
    {
        Assert.Throws<ArgumentException>(() => RandomRatioSplitter.Split(Events(1, 3), 1, 100, [0.5, 0.5, 0.5]));
    }

    [Fact]
    public void LeaveLastOut_HoldsOutLatestItems()
    {
        UserItemEvent[] events = [new(0, 4, 300), new(0, 7, 100), new(0, 2, 200), new(1, 1, 50), new(1, 3, 60)];
        var (valid, test) = LeaveLastOutSplitter.Split(events, 2, 10);
        Assert.Equal([4], test.Row(0).ToArray());
        Assert.Equal([2], valid.Row(0).ToArray());
        Assert.Equal([3], test.Row(1).ToArray());
        Assert.Equal(0, valid.RowLength(1));
    }

    [Fact]
    public void FollowSplit_MutualEdges_HeldOutTogether()
    {
        var edges = new List<(int, int)>();
        for (var a = 0; a < 20; a++)
        {
            for (var b = a + 1; b < 20; b += 3)
            {
                edges.Add((a, b));
                edges.Add((b, a));
            }
        }
        var held = FollowEdgeSplitter.Split(edges, 20, 0.1, seed: 1);
        var pairs = edges.Count / 2;
        Assert.Equal(2 * (int)Math.Round(0.1 * pairs), held.NonZeroCount);
        foreach (var (u, v) in held.Pairs())
        {
            Assert.True(held.Contains(v, u), $"reverse of {u}->{v} must be held out too");
        }
    }

    private static List<UserItemEvent> Events(int users, int perUser)
    {
        var list = new List<UserItemEvent>();
        for (var u = 0; u < users; u++)
        {
            for (var i = 0; i < perUser; i++)
            {
                list.Add(new UserItemEvent(u, (u + (i * 3)) % 100, i));
            }
        }
        return list;
    }
}
