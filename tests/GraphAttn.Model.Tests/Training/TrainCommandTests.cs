using System.CommandLine;
using GraphAttn.Model.Cli;

namespace GraphAttn.Model.Tests.Training;

public sealed class TrainCommandTests
{
    [Fact]
    public void Create_Always_IsNamedTrainWithRequiredGraphAndOut()
    {
        var command = TrainCommand.Create();
        Assert.Equal("train", command.Name);
        Assert.True(command.Options.Single(o => o.Name == "--graph").Required);
        Assert.True(command.Options.Single(o => o.Name == "--out").Required);
    }

    [Fact]
    public void Invoke_MissingGraphFolder_ReturnsOneWithMessage()
    {
        var error = new StringWriter();
        var root = new RootCommand { TrainCommand.Create() };
        var code = root.Parse(["train", "--graph", "/nonexistent/graph", "--out", Path.GetTempPath()])
            .Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = error });
        Assert.Equal(1, code);
        Assert.Contains("train:", error.ToString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10,10")]
    public void Invoke_BadFanOut_ReturnsOneWithMessage(string fanOut)
    {
        var error = new StringWriter();
        var root = new RootCommand { TrainCommand.Create() };
        var code = root.Parse(["train", "--graph", "/nonexistent/graph", "--out", Path.GetTempPath(), "--mini-batch", "--fan-out", fanOut])
            .Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = error });
        Assert.Equal(1, code);
        Assert.Contains($"fan-out '{fanOut}'", error.ToString());
    }
}
