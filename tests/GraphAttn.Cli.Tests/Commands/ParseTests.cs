using GraphAttn.Cli.Tests.Support;
namespace GraphAttn.Cli.Tests.Commands;

public class ParseTests
{
    [Fact]
    public async Task RecommendContent_WithoutUser_FailsParsingAndNamesOption()
    {
        var (exit, _, error) = await CliRunner.RunAsync("recommend", "content");
        Assert.NotEqual(0, exit);
        Assert.Contains("--user", error);
    }

    [Fact]
    public async Task Unreachable_Server_ExitsOneWithUnavailable()
    {
        var (exit, _, error) = await CliRunner.RunAsync("info", "--address", "http://127.0.0.1:1", "--timeout", "5");
        Assert.Equal(1, exit);
        Assert.Contains("Unavailable", error);
    }
}
