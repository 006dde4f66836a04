using GraphAttn.Graph.Loading.LastFm;

namespace GraphAttn.Graph.Tests.Loading;

public sealed class LastFmSourceTests
{
    private static TempFolder Tiny(string? playsRow = null)
    {
        var f = new TempFolder();
        f.Write("artists.dat", "id\tname\turl\tpictureURL", "1\tMALICE MIZER\thttp://x\thttp://y", "2\tDiary of Dreams\thttp://x\thttp://y",
            "3\tCarpathian Forest\thttp://x\thttp://y");
        f.Write("tags.dat", "tagID\ttagValue", "10\tmetal", "11\tgoth");
        f.Write("user_artists.dat", "userID\tartistID\tweight", "2\t1\t500", "2\t2\t70", playsRow ?? "3\t2\t9");
        f.Write("user_friends.dat", "userID\tfriendID", "2\t3", "3\t2");
        f.Write("user_taggedartists.dat", "userID\tartistID\ttagID\tday\tmonth\tyear",
            "2\t2\t10\t1\t4\t2009", "2\t2\t11\t1\t3\t2009", "2\t99\t10\t1\t1\t2008", "2\t3\t11\t1\t2\t2009", "3\t1\t10\t5\t6\t2010");
        return f;
    }

    [Fact]
    public void Load_TinyDataset_MapsEveryFile()
    {
        using var f = Tiny();
        var source = new LastFmSource(f.Path);
        var g = source.Load();
        Assert.Equal((2, 3, 2, 2, 3), (g.UserCount, g.ContentCount, g.TopicCount, g.FollowCount, g.InteractionCount));
        Assert.True(g.Users.TryGetIndex("u2", out var u2));
        Assert.True(g.Contents.TryGetIndex("a2", out var a2));
        Assert.Equal("Diary of Dreams", g.ContentTitles[a2]);
        var range = g.Interactions.Range(u2);
        var plays = Enumerable.Range(range.Start.Value, g.Interactions.CountOf(u2))
            .ToDictionary(i => g.Contents[g.Interactions.Content[i]], i => (g.Interactions.Weights[i], g.Interactions.Timestamps[i], g.Interactions.Kinds[i]));
        var march = new DateTimeOffset(2009, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal((70f, march, InteractionKind.Play), plays["a2"]); // first tag date of the pair
        // Untagged pair: the user's first kept tag date (the January 2008 row names an unknown artist, so it is skipped).
        var february = new DateTimeOffset(2009, 2, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal((500f, february, InteractionKind.Play), plays["a1"]);
        Assert.Equal(2, g.ContentTopics.Degree(a2));
        Assert.Equal(1, source.Report.Skipped["tag assignments of an artist missing from artists.dat"]);
    }

    [Fact]
    public void Load_BadWeight_FailsWithFileAndLine()
    {
        using var f = Tiny("3\t2\tlots");
        var ex = Assert.Throws<GraphDataException>(() => new LastFmSource(f.Path).Load());
        Assert.EndsWith("user_artists.dat", ex.File);
        Assert.Equal(4, ex.Line);
        Assert.Contains("weight", ex.Problem);
    }

    [Fact]
    public void Load_UnknownArtistInPlays_FailsWithFileAndLine()
    {
        using var f = Tiny("3\t77\t9");
        var ex = Assert.Throws<GraphDataException>(() => new LastFmSource(f.Path).Load());
        Assert.Equal(4, ex.Line);
        Assert.Contains("a77", ex.Problem);
    }

    [Fact]
    public void Load_RealHetRecDataset_MatchesPublishedCounts()
    {
        var folder = Path.Combine(RepoPaths.Root, "..", "shared", "datasets", "lastfm-2k");
        Assert.True(Directory.Exists(folder), $"dataset missing at {folder}");
        var source = new LastFmSource(folder);
        var g = source.Load();
        Assert.Equal(1892, g.UserCount);
        Assert.Equal(17632, g.ContentCount);
        Assert.Equal(11946, g.TopicCount);
        Assert.Equal(25434, g.FollowCount);
        Assert.Equal(92834, g.InteractionCount);
        Assert.Equal(1538, source.Report.Skipped.Values.Sum());
    }
}
