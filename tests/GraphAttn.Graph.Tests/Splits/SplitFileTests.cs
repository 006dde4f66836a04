using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;

namespace GraphAttn.Graph.Tests.Splits;

public sealed class SplitFileTests
{
    [Fact]
    public void SaveThenLoad_SameHeldOutSets()
    {
        var g = SmallGraphs.Social();
        var split = DatasetSplitter.Split(g, SplitKind.Random, seed: 3, followShare: 0.5);
        using var f = new TempFolder();
        var path = Path.Combine(f.Path, "split.tsv");
        SplitFile.Save(path, split, g);
        var back = SplitFile.Load(path, g);
        Assert.Equal(split.Description, back.Description);
        Assert.Equal(split.ContentValid.Pairs(), back.ContentValid.Pairs());
        Assert.Equal(split.ContentTest.Pairs(), back.ContentTest.Pairs());
        Assert.Equal(split.FriendTest.Pairs(), back.FriendTest.Pairs());
        Assert.True(back.FriendTest.NonZeroCount > 0);
    }

    [Fact]
    public void Load_OtherGraph_FailsWithFingerprintMismatch()
    {
        var g = SmallGraphs.Social();
        using var f = new TempFolder();
        var path = Path.Combine(f.Path, "split.tsv");
        SplitFile.Save(path, DatasetSplitter.Split(g), g);
        var b = new GraphBuilder();
        b.AddUser("u0");
        var ex = Assert.Throws<GraphDataException>(() => SplitFile.Load(path, b.Build()));
        Assert.Equal(3, ex.Line);
        Assert.Contains("not from the loaded graph", ex.Problem);
    }

    [Fact]
    public void Load_UnknownId_FailsWithLine()
    {
        var g = SmallGraphs.Social();
        using var f = new TempFolder();
        var path = f.Write("split.tsv", "# graphattn-split v1", $"# graph\t{g.Fingerprint}", "test\tu0\tc0", "test\tu0\tc99");
        var ex = Assert.Throws<GraphDataException>(() => SplitFile.Load(path, g));
        Assert.Equal(4, ex.Line);
        Assert.Contains("c99", ex.Problem);
    }

    [Fact]
    public void TrainGraph_RemovesHeldOutAndKeepsIndices()
    {
        var g = SmallGraphs.Social();
        var split = DatasetSplitter.Split(g, SplitKind.Temporal, followShare: 0.5);
        var train = TrainGraph.Build(g, split);
        Assert.Equal(g.Users.Ids, train.Users.Ids);
        Assert.Equal(g.Contents.Ids, train.Contents.Ids);
        var trainPairs = GraphViews.Interacted(train);
        var all = GraphViews.Interacted(g);
        Assert.Equal(all.NonZeroCount - split.ContentTest.NonZeroCount - split.ContentValid.NonZeroCount, trainPairs.NonZeroCount);
        foreach (var (u, c) in split.ContentTest.Pairs()) Assert.False(trainPairs.Contains(u, c));
        foreach (var (u, v) in split.FriendTest.Pairs()) Assert.False(train.Following.Contains(u, v));
        Assert.Equal(g.FollowCount - split.FriendTest.NonZeroCount, train.FollowCount);
        // u0 saw c0 twice; both records leave training together when (u0, c0) is held out, and the last item is c4.
        Assert.True(split.ContentTest.Contains(0, 4));
    }
}
