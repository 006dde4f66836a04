using GraphAttn.Graph.Loading.RecBole;

namespace GraphAttn.Graph.Tests.Loading;

public sealed class RecBoleAtomicSourceTests
{
    [Fact]
    public void Load_Ml100kStyleFiles_MapsFields()
    {
        using var f = new TempFolder();
        f.Write("ml.inter", "user_id:token\titem_id:token\trating:float\ttimestamp:float", "196\t242\t3\t881250949", "186\t302\t3\t891717742.5");
        f.Write("ml.item", "item_id:token\tmovie_title:token_seq\trelease_year:token\tclass:token_seq", "242\tKolya\t1996\tComedy", "302\tL.A. Confidential\t1997\tCrime Film-Noir");
        f.Write("ml.net", "source_id:token\ttarget_id:token", "196\t186", "186\t7");
        var g = new RecBoleAtomicSource(f.Path).Load();
        Assert.Equal((3, 2, 3, 2, 2), (g.UserCount, g.ContentCount, g.TopicCount, g.FollowCount, g.InteractionCount));
        Assert.True(g.Contents.TryGetIndex("302", out var c302));
        Assert.Equal("L.A. Confidential", g.ContentTitles[c302]);
        Assert.Equal(2, g.ContentTopics.Degree(c302));
        Assert.True(g.Users.TryGetIndex("186", out var u186));
        var i = g.Interactions.Offsets[u186];
        Assert.Equal(891717742500L, g.Interactions.Timestamps[i]);
        Assert.Equal(3f, g.Interactions.Weights[i]);
        Assert.Equal(InteractionKind.View, g.Interactions.Kinds[i]);
    }

    [Fact]
    public void Load_BadTimestamp_FailsWithFileAndLine()
    {
        using var f = new TempFolder();
        f.Write("x.inter", "user_id:token\titem_id:token\ttimestamp:float", "1\t2\t100", "1\t3\tyesterday");
        var ex = Assert.Throws<GraphDataException>(() => new RecBoleAtomicSource(f.Path).Load());
        Assert.EndsWith("x.inter", ex.File);
        Assert.Equal(3, ex.Line);
        Assert.Contains("timestamp", ex.Problem);
    }

    [Fact]
    public void Load_HeaderWithoutType_FailsOnLineOne()
    {
        using var f = new TempFolder();
        f.Write("x.inter", "user_id\titem_id:token", "1\t2");
        var ex = Assert.Throws<GraphDataException>(() => new RecBoleAtomicSource(f.Path).Load());
        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void Load_WrongFieldCount_FailsWithLine()
    {
        using var f = new TempFolder();
        f.Write("x.inter", "user_id:token\titem_id:token", "1\t2", "3");
        var ex = Assert.Throws<GraphDataException>(() => new RecBoleAtomicSource(f.Path).Load());
        Assert.Equal(3, ex.Line);
        Assert.Contains("expected 2", ex.Problem);
    }

    [Fact]
    public void Load_NoInterFile_Fails()
    {
        using var f = new TempFolder();
        Assert.Throws<GraphDataException>(() => new RecBoleAtomicSource(f.Path).Load());
    }
}
