using GraphAttn.Graph.Baselines;
using GraphAttn.Serving.Recommending;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Recommending;

/// <summary>The sparse Adamic-Adar walk against the dense row and the per-pair merge it replaces on the request path.</summary>
public sealed class AdamicAdarRowTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Walk_RandomGraphWithHubs_EqualsRowAndPairBitForBit(int seed)
    {
        var friends = HubGraphs.Friends(300, seed);
        var full = new float[friends.NodeCount];
        for (int user = 0; user < friends.NodeCount; user += 3)
        {
            AdamicAdar.Row(friends, user, full);
            using var row = AdamicAdarRow.Walk(friends, user);

            for (int v = 0; v < friends.NodeCount; v++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(full[v]), BitConverter.SingleToInt32Bits(row[v]));
                Assert.Equal(BitConverter.SingleToInt32Bits(AdamicAdar.Pair(friends, user, v)), BitConverter.SingleToInt32Bits(row[v]));
            }

            int[] positive = [.. Enumerable.Range(0, friends.NodeCount).Where(v => full[v] > 0)];
            Assert.Equal(positive, row.Touched.ToArray().Order());
        }
    }

    [Fact]
    public void Walk_AfterAnotherUsersWalk_StartsFromZero()
    {
        var friends = HubGraphs.Friends(200, 7);
        using (AdamicAdarRow.Walk(friends, 0))
        {
            // The hub's walk touches most of the graph; disposing it must leave nothing behind.
        }

        using var row = AdamicAdarRow.Walk(friends, 150);
        var expected = new float[friends.NodeCount];
        AdamicAdar.Row(friends, 150, expected);
        Assert.Equal(expected, Enumerable.Range(0, friends.NodeCount).Select(v => row[v]));
    }

    [Fact]
    public void Walk_NestedOnOneThread_UsesSeparateScratch()
    {
        var friends = HubGraphs.Friends(120, 4);
        var first = new float[friends.NodeCount];
        var second = new float[friends.NodeCount];
        AdamicAdar.Row(friends, 10, first);
        AdamicAdar.Row(friends, 20, second);

        using var outer = AdamicAdarRow.Walk(friends, 10);
        using (var inner = AdamicAdarRow.Walk(friends, 20))
        {
            Assert.Equal(second, Enumerable.Range(0, friends.NodeCount).Select(v => inner[v]));
        }

        Assert.Equal(first, Enumerable.Range(0, friends.NodeCount).Select(v => outer[v]));
    }
}
