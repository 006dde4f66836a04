namespace GraphAttn.Graph.Tests;

public class GraphBuilderTests
{
    [Fact]
    public void Build_TinyGraph_HistoriesOrderedByTimeAndAdjacencyBothWays()
    {
        var g = TinyGraphs.Five();
        var a = g.Users.TryGetIndex("a", out var ia) ? ia : -1;
        Assert.Equal(["m1", "s1"], g.Interactions.ContentOf(a).ToArray().Select(c => g.Contents[c]));
        Assert.Equal([1L, 2L], g.Interactions.TimestampsOf(a).ToArray());
        g.Users.TryGetIndex("c", out var ic);
        Assert.Equal(["a", "b"], g.Followers.Neighbors(ic).ToArray().Select(u => g.Users[u]));
        g.Contents.TryGetIndex("x", out var ix);
        g.Users.TryGetIndex("e", out var ie);
        Assert.Equal(ie, g.ContentAuthor[ix]);
        Assert.Equal(2, g.ContentTopics.Degree(ix));
        Assert.Equal(5, g.FollowCount);
        Assert.Equal(7, g.InteractionCount);
    }

    [Fact]
    public void AddUser_DuplicateId_Throws()
    {
        var b = new GraphBuilder();
        b.AddUser("a");
        var ex = Assert.Throws<GraphDataException>(() => b.AddUser("a"));
        Assert.Contains("duplicate User id 'a'", ex.Message);
    }

    [Fact]
    public void AddFollow_UnknownUser_ThrowsNamingId()
    {
        var b = new GraphBuilder();
        b.AddUser("a");
        var ex = Assert.Throws<GraphDataException>(() => b.AddFollow("a", "zz"));
        Assert.Contains("unknown User id 'zz'", ex.Message);
    }

    [Fact]
    public void AddFollow_SelfAndRepeated_DroppedAndCollapsedAndReported()
    {
        var b = new GraphBuilder();
        b.AddUser("a"); b.AddUser("b");
        b.AddFollow("a", "a"); b.AddFollow("a", "b"); b.AddFollow("a", "b");
        var g = b.Build();
        Assert.Equal(1, g.FollowCount);
        Assert.Equal(1, b.Report.SelfFollowsDropped);
        Assert.Equal(1, b.Report.DuplicateFollowsCollapsed);
    }

    [Fact]
    public void Fingerprint_SameDataInOtherOrder_Equal_AndChangedDataDiffers()
    {
        var b1 = new GraphBuilder();
        b1.AddUser("a"); b1.AddUser("b"); b1.AddFollow("a", "b");
        var b2 = new GraphBuilder();
        b2.AddUser("b"); b2.AddUser("a"); b2.AddFollow("a", "b");
        var b3 = new GraphBuilder();
        b3.AddUser("a"); b3.AddUser("b"); b3.AddFollow("b", "a");
        var f1 = b1.Build().Fingerprint;
        Assert.Equal(f1, b2.Build().Fingerprint);
        Assert.NotEqual(f1, b3.Build().Fingerprint);
    }
}
