using System.Globalization;
using System.Text.RegularExpressions;
using GraphAttn.Seeds.Tests.Support;

namespace GraphAttn.Seeds.Tests.Generation;

public sealed partial class FormatTests(GeneratedGraphs graphs) : IClassFixture<GeneratedGraphs>
{
    [Theory]
    [InlineData("users.csv", "userId:ID(User),name,joinedAt:long")]
    [InlineData("contents.csv", "contentId:ID(Content),title,createdAt:long")]
    [InlineData("topics.csv", "topicId:ID(Topic),name")]
    [InlineData("follows.csv", ":START_ID(User),:END_ID(User),since:long")]
    [InlineData("interactions.csv", ":START_ID(User),:END_ID(Content),kind,ts:long,weight:float")]
    [InlineData("posted.csv", ":START_ID(User),:END_ID(Content),ts:long")]
    [InlineData("tagged.csv", ":START_ID(Content),:END_ID(Topic)")]
    public void Generate_EveryGraphFile_HeaderExactlyAsSpecified(string file, string header)
    {
        var bytes = File.ReadAllBytes(Path.Combine(graphs.Main.Path, file));
        Assert.False(bytes.AsSpan().StartsWith("\uFEFF"u8), $"{file} starts with a BOM");
        var firstLine = System.Text.Encoding.UTF8.GetString(bytes).Split('\n')[0];
        Assert.Equal(header, firstLine);
    }

    [Fact]
    public void Generate_Ids_FollowTheIdStyle()
    {
        Assert.All(graphs.Main.Users.Rows, r => Assert.Matches(UserId(), r[0]));
        Assert.All(graphs.Main.Contents.Rows, r => Assert.Matches(ContentId(), r[0]));
        Assert.All(graphs.Main.Topics.Rows, r => Assert.Matches(TopicId(), r[0]));
        Assert.Equal("u000001", graphs.Main.Users.Rows[0][0]);
        Assert.Equal("t001", graphs.Main.Topics.Rows[0][0]);
    }

    [Fact]
    public void Generate_Interactions_KnownKindsWithPositiveWeights()
    {
        string[] kinds = ["view", "like", "comment", "share"];
        Assert.All(graphs.Main.Interactions.Rows, r =>
        {
            Assert.Equal(5, r.Length);
            Assert.Contains(r[2], kinds);
            Assert.True(float.Parse(r[4], CultureInfo.InvariantCulture) > 0);
        });
        // Every kind occurs, and views dominate.
        var byKind = graphs.Main.Interactions.Rows.GroupBy(r => r[2]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(kinds.Order(), byKind.Keys.Order());
        Assert.Equal("view", byKind.MaxBy(p => p.Value).Key);
    }

    [Fact]
    public void Generate_Titles_IncludeFieldsThatNeedQuoting()
    {
        var titles = graphs.Main.Contents.Rows.Select(r => r[1]).ToArray();
        Assert.Contains(titles, t => t.Contains(','));
        Assert.Contains(titles, t => t.Contains('"'));
        Assert.All(graphs.Main.Contents.Rows, r => Assert.Equal(3, r.Length));
    }

    [Fact]
    public void Generate_Summary_MatchesRowCounts()
    {
        var s = graphs.Summary;
        Assert.Equal(graphs.Main.Users.Rows.Count, s.Users);
        Assert.Equal(graphs.Main.Contents.Rows.Count, s.Contents);
        Assert.Equal(graphs.Main.Topics.Rows.Count, s.Topics);
        Assert.Equal(graphs.Main.Follows.Rows.Count, s.Follows);
        Assert.Equal(graphs.Main.Interactions.Rows.Count, s.Interactions);
        Assert.Equal(graphs.Main.Posted.Rows.Count, s.Posted);
        Assert.Equal(graphs.Main.Tagged.Rows.Count, s.Tagged);
        var onDisk = Directory.EnumerateFiles(graphs.Main.Path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.Equal(onDisk, s.Bytes);
    }

    [GeneratedRegex("^u[0-9]{6}$")]
    private static partial Regex UserId();

    [GeneratedRegex("^c[0-9]{6}$")]
    private static partial Regex ContentId();

    [GeneratedRegex("^t[0-9]{3}$")]
    private static partial Regex TopicId();
}
