using GraphAttn.Cli.Tests.Support;
namespace GraphAttn.Cli.Tests.Commands;

public sealed class ClientCommandTests : IAsyncLifetime
{
    private TestServerHost _server = null!;

    public async Task InitializeAsync() => _server = await TestServerHost.StartAsync(null, loopback: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Info_PrintsDemoCountsAndModelVersion()
    {
        var (exit, output, _) = await CliRunner.RunAsync("info", "--address", _server.Address);
        Assert.Equal(0, exit);
        Assert.Contains("2000 users", output);
        Assert.Contains("model: baseline@", output);
        Assert.Contains("Disabled", output); // model phase: this server runs with model serving off
    }

    [Fact]
    public async Task Reload_ReportsVersionsAndSnapshotOutcome()
    {
        var (exit, output, _) = await CliRunner.RunAsync("reload", "--address", _server.Address);
        Assert.Equal(0, exit);
        Assert.Matches(@"Reloaded: baseline@\w+ -> baseline@\w+ \(2000 users\); snapshot: disabled", output);
    }

    [Fact]
    public async Task RecommendContentAndFriends_PrintRankedTablesWithReasons()
    {
        var (exit, output, _) = await CliRunner.RunAsync("recommend", "content", "--user", "u000001", "-n", "3", "--explain", "--address", _server.Address);
        Assert.Equal(0, exit);
        Assert.Matches(@"│ 1 │ c\d{6}", output);
        Assert.Matches(@"│ 3 │ c\d{6}", output);
        (exit, output, _) = await CliRunner.RunAsync("recommend", "friends", "--user", "u000001", "-n", "2", "--address", _server.Address);
        Assert.Equal(0, exit);
        Assert.Matches(@"│ 2 │ u\d{6}", output);
    }

    [Fact]
    public async Task Profile_PrintsInterestsAndActivity()
    {
        var (exit, output, _) = await CliRunner.RunAsync("profile", "--user", "u000001", "--address", _server.Address);
        Assert.Equal(0, exit);
        Assert.Contains("interests", output);
        Assert.Contains("interactions", output);
    }

    [Fact]
    public async Task BadLimitAndUnknownUser_ExitNonZeroWithStatusAndFieldOnStderr()
    {
        var (exit, _, error) = await CliRunner.RunAsync("recommend", "content", "--user", "u000001", "-n", "0", "--address", _server.Address);
        Assert.Equal(2, exit);
        Assert.Contains("InvalidArgument", error);
        Assert.Contains("limit:", error);
        (exit, _, error) = await CliRunner.RunAsync("profile", "--user", "ghost", "--address", _server.Address);
        Assert.Equal(1, exit);
        Assert.Contains("NotFound: Unknown user 'ghost'", error);
    }
}
