using System.CommandLine;
using GraphAttn.Cli.Commands;
using GraphAttn.Seeds;
using GraphAttn.Seeds.Writing;

namespace GraphAttn.Cli.Tests.Commands;

public sealed class SeedsCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Invoke_Generate_WritesFolderAndReportsCounts()
    {
        using var folder = new TempFolder();
        var (exit, output, error) = await InvokeAsync("seeds", "generate", "--users", "300", "--seed", "5", "--communities", "4", "--out", folder.Path);

        Assert.True(exit == 0, error);
        Assert.All(SeedCsvLayout.Graph, f => Assert.True(File.Exists(Path.Combine(folder.Path, f.File)), f.File));
        Assert.Contains("300 users", output, StringComparison.Ordinal);
        Assert.Contains("interactions", output, StringComparison.Ordinal); // progress lines name the stages
        Assert.Equal(301, File.ReadAllLines(Path.Combine(folder.Path, "users.csv")).Length);
    }

    [Fact]
    public async Task Invoke_SameArgumentsAsLibrary_SameBytes()
    {
        using var folder = new TempFolder();
        var (exit, _, error) = await InvokeAsync("seeds", "generate", "--users", "200", "--seed", "9", "--communities", "3",
            "--avg-follows", "8", "--avg-interactions", "12", "--days", "30", "--start", "2024-01-15", "--social-influence", "0.4",
            "--within-community", "0.7", "--personal-taste", "0.3", "--topics", "20", "--contents", "500", "--out", folder.File("cli"), "-q");
        Assert.True(exit == 0, error);
        new SeedGenerator(new SeedOptions
        {
            Users = 200,
            Seed = 9,
            Communities = 3,
            AvgFollows = 8,
            AvgInteractions = 12,
            Days = 30,
            Start = new DateOnly(2024, 1, 15),
            SocialInfluence = 0.4,
            WithinCommunityFollow = 0.7,
            PersonalTaste = 0.3,
            Topics = 20,
            Contents = 500,
        }).Generate(folder.File("lib"));

        foreach (var (file, _) in SeedCsvLayout.Graph)
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder.File("lib"), file)), File.ReadAllBytes(Path.Combine(folder.File("cli"), file)));
    }

    [Theory]
    [InlineData("--users", "0")]
    [InlineData("--users", "many")]
    [InlineData("--start", "June")]
    [InlineData("--social-influence", "2")]
    [InlineData("--communities", "5000")]
    public async Task Invoke_BadOption_NonZeroExitAndNoFiles(string option, string value)
    {
        using var folder = new TempFolder();
        var target = folder.File("out");
        var (exit, _, error) = await InvokeAsync("seeds", "generate", "--out", target, "--users", "100", "--communities", "2", option, value);

        Assert.NotEqual(0, exit);
        Assert.NotEqual("", error.Trim());
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task Invoke_OutIsAFile_ExitOneNamingFolder()
    {
        using var folder = new TempFolder();
        var file = folder.File("taken");
        File.WriteAllText(file, "not a folder");
        var (exit, _, error) = await InvokeAsync("seeds", "generate", "--users", "100", "--communities", "2", "--out", file, "-q");

        Assert.Equal(1, exit);
        Assert.Contains(file, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_MissingOut_NonZeroExit()
    {
        var (exit, _, error) = await InvokeAsync("seeds", "generate", "--users", "100");
        Assert.NotEqual(0, exit);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_StatsOnGeneratedFolder_PrintsSignals()
    {
        using var folder = new TempFolder();
        new SeedGenerator(new SeedOptions { Users = 300, Communities = 4 }).Generate(folder.Path);
        var (exit, output, error) = await InvokeAsync("seeds", "stats", "--dir", folder.Path);

        Assert.True(exit == 0, error);
        Assert.Contains("300 users", output, StringComparison.Ordinal);
        Assert.Contains("follows inside the follower's community", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_StatsWithoutPlantedTruth_ExitOneWithFileInError()
    {
        using var folder = new TempFolder();
        new SeedGenerator(new SeedOptions { Users = 60, Communities = 2 }).Generate(folder.Path);
        Directory.Delete(Path.Combine(folder.Path, "planted"), recursive: true);
        var (exit, _, error) = await InvokeAsync("seeds", "stats", "--dir", folder.Path);

        Assert.Equal(1, exit);
        Assert.Contains("communities.csv", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> InvokeAsync(params string[] args)
    {
        var root = new RootCommand("test root") { SeedsCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).WaitAsync(Timeout);
        return (exit, output.ToString(), error.ToString());
    }
}
