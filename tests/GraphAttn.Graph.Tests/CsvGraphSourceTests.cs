using GraphAttn.Graph.Loading.GraphSeeds;
namespace GraphAttn.Graph.Tests;

public class CsvGraphSourceTests
{
    [Fact]
    public void Load_ValidFolder_ReadsEveryFileWithQuotingAndOrdering()
    {
        using var folder = SeedFolder.Valid();
        var g = new CsvGraphSource(folder.Path).Load();
        Assert.Equal(3, g.UserCount);
        Assert.Equal("Bo, Jr", g.UserNames[1]);
        Assert.Equal(2, g.FollowCount);
        g.Users.TryGetIndex("u1", out var u1);
        Assert.Equal([400L, 500L], g.Interactions.TimestampsOf(u1).ToArray());
        Assert.Equal(2.5f, g.Interactions.Weights[g.Interactions.Offsets[u1]]);
        Assert.Equal(InteractionKind.Like, g.Interactions.Kinds[g.Interactions.Offsets[u1]]);
        Assert.Equal(1, g.ContentAuthor[0]);
        Assert.Equal(2, g.TopicCount);
    }

    [Theory]
    [InlineData("follows.csv", ":START_ID(User),:END_ID(Content)\nu1,u2\n", "follows.csv:1: bad header: column 2 is :END_ID(Content) but this file needs :END_ID(User)")]
    [InlineData("interactions.csv", ":START_ID(User),:END_ID(Content),ts:long\nu1,c1,5\n", "interactions.csv:1: bad header: missing column 'kind'")]
    [InlineData("interactions.csv", ":START_ID(User),:END_ID(Content),kind,ts:long\nu1,c1,view,5\nu2,c9,view,6\n", "interactions.csv:3: unknown Content id 'c9'")]
    [InlineData("interactions.csv", ":START_ID(User),:END_ID(Content),kind,ts:long\nu1,c1,view,soon\n", "interactions.csv:2: column 'ts:long': 'soon' is not an integer")]
    [InlineData("interactions.csv", ":START_ID(User),:END_ID(Content),kind,ts:long\nu1,c1,stare,5\n", "interactions.csv:2: column 'kind': 'stare' is not one of")]
    [InlineData("users.csv", "userId:ID(User),name\nu1,A\nu2,B\nu1,C\nu3,D\n", "users.csv:4: duplicate User id 'u1'")]
    [InlineData("follows.csv", ":START_ID(User),:END_ID(User)\nu1,u2\nu2\n", "follows.csv:3: expected 2 fields as in the header, found 1")]
    [InlineData("users.csv", "name,joinedAt:long\nA,1\n", "users.csv:1: bad header: missing column :ID(User)")]
    [InlineData("interactions.csv", ":START_ID(User),:END_ID(Content),kind,ts:string\nu1,c1,view,5\n", "interactions.csv:1: bad header: column 'ts' is declared :string but must be long")]
    public void Load_MalformedFile_FailsWithFileLineAndProblem(string file, string content, string expected)
    {
        using var folder = SeedFolder.Valid(new() { [file] = content });
        var ex = Assert.Throws<GraphDataException>(() => new CsvGraphSource(folder.Path).Load());
        Assert.StartsWith(expected, ex.Message);
    }

    [Fact]
    public void Load_MissingUsersFile_FailsClearly()
    {
        using var folder = new SeedFolder(new() { ["follows.csv"] = ":START_ID(User),:END_ID(User)\n" });
        var ex = Assert.Throws<GraphDataException>(() => new CsvGraphSource(folder.Path).Load());
        Assert.Contains("users.csv", ex.Message);
    }

    [Fact]
    public async Task LoadAsync_ReportsProgressPerFile()
    {
        using var folder = SeedFolder.Valid();
        var stages = new List<string>();
        var progress = new SyncProgress(p => { if (p.Done) lock (stages) stages.Add(p.Stage); });
        await new CsvGraphSource(folder.Path).LoadAsync(progress, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        // Node files come first, in order; relationship files are read concurrently, so only their set is fixed.
        Assert.Equal(["users.csv", "contents.csv", "topics.csv"], stages.Take(3));
        Assert.Equal(["follows.csv", "interactions.csv", "posted.csv", "tagged.csv"], stages.Skip(3).Order());
    }

    private sealed class SyncProgress(Action<GraphLoadProgress> report) : IProgress<GraphLoadProgress>
    {
        public void Report(GraphLoadProgress value) => report(value);
    }
}
