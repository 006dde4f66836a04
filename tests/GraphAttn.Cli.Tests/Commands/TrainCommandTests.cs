using System.CommandLine;
using GraphAttn.Cli.Commands;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Training;

namespace GraphAttn.Cli.Tests.Commands;

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

    [Fact]
    public void Invoke_SoftmaxWithUnitVectors_TrainsAndRecordsTheChoicesInTheCheckpoint() => WithCommunityGraph((graph, checkpoint) =>
    {
        var output = new StringWriter();
        var code = Invoke(output, output, graph, checkpoint, "--epochs", "2", "--dim", "16", "--history", "4", "--loss", "softmax",
            "--shared-negatives", "32", "--temperature", "0.2", "--normalize", "--attention-dropout", "0.3", "--friend-l2", "0.0005");
        Assert.True(code == 0, output.ToString());
        var metadata = Checkpoint.ReadMetadata(checkpoint);
        Assert.Equal(LossKind.Softmax, metadata.Training.Loss);
        Assert.Equal(32, metadata.Training.SharedNegatives);
        Assert.Equal(0.2, metadata.Training.Temperature);
        Assert.Equal(0.0005, metadata.Training.FriendL2);
        Assert.True(metadata.Model.Normalize);
        Assert.Equal(0.3f, metadata.Model.AttentionDropout);
    });

    [Fact]
    public void Invoke_Defaults_RecordTheFittedFriendStructureWeight_AndFalseTurnsItOff() => WithCommunityGraph((graph, checkpoint) =>
    {
        var output = new StringWriter();
        Assert.Equal(0, Run(["train", "--graph", graph, "--out", checkpoint, "--epochs", "1", "--dim", "16", "--history", "4"], output, output));
        var metadata = Checkpoint.ReadMetadata(checkpoint);
        Assert.True(metadata.Training.FriendStructure);
        // The recorded β is the one the fit chose (0 or a grid value) and the one the run reported.
        Assert.Contains((float)metadata.FriendStructureWeight, FriendStructureFit.Grid.Prepend(0f));
        Assert.Contains($"β = {metadata.FriendStructureWeight:G4} for the Adamic-Adar term", output.ToString());
        Assert.Contains(Validator.Metric, metadata.FriendValidation.Keys);

        Assert.Equal(0, Invoke(output, output, graph, checkpoint, "--epochs", "1", "--dim", "16", "--history", "4", "--friend-structure", "false"));
        metadata = Checkpoint.ReadMetadata(checkpoint);
        Assert.False(metadata.Training.FriendStructure);
        Assert.Equal(0, metadata.FriendStructureWeight);
        Assert.Empty(metadata.FriendValidation);
    });

    [Theory]
    [InlineData("--temperature", "0", "Temperature")]
    [InlineData("--attention-dropout", "1", "AttentionDropout")]
    [InlineData("--friend-validation", "1", "FriendValidationShare")]
    public void Invoke_BadLossOrDropout_ReturnsOneNamingTheOption(string flag, string value, string named) => WithCommunityGraph((graph, checkpoint) =>
    {
        var error = new StringWriter();
        Assert.Equal(1, Invoke(TextWriter.Null, error, graph, checkpoint, flag, value));
        Assert.Contains(named, error.ToString());
        Assert.False(Directory.Exists(checkpoint), "no checkpoint after a rejected option");
    });

    /// <summary>Runs <paramref name="test"/> with the community graph written as graph-seeds CSV and a checkpoint path, in a temporary folder.</summary>
    private static void WithCommunityGraph(Action<string, string> test)
    {
        var folder = Directory.CreateTempSubdirectory("graphattn-train-");
        try
        {
            var graph = Path.Combine(folder.FullName, "graph");
            GraphSeedsWriter.Write(CommunityGraph.Build(), graph);
            test(graph, Path.Combine(folder.FullName, "ck"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static int Invoke(TextWriter output, TextWriter error, string graph, string checkpoint, params string[] options) =>
        Run(["train", "--graph", graph, "--out", checkpoint, "--quiet", .. options], output, error);

    private static int Run(string[] args, TextWriter output, TextWriter error) =>
        new RootCommand { TrainCommand.Create() }.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
}
