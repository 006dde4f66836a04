using System.CommandLine;
using GraphAttn.Cli.Commands;
using GraphAttn.Embedding.Batching;
using GraphAttn.Embedding.Snapshots;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Cli.Tests.Commands;

public sealed class EmbedCommandTests
{
    private const string Created = "2026-11-25T03:00:00Z";

    [Fact]
    public void Embed_DemoGraph_WritesTheSnapshotTheApiBuildsAndReportsRate()
    {
        using var folder = new TempFolder();
        var checkpoint = DemoCheckpoint(folder);
        var path = folder.File("demo.gasnap");

        var (code, output, error) = Run("embed", "--graph", SampleGraphs.DemoFolder, "--checkpoint", checkpoint, "--out", path,
            "--batch-size", "512", "--created-at", Created);

        Assert.True(code == 0, error);
        Assert.Contains($"wrote {path}", output);
        Assert.Matches(@"users 2000/2000 \(100\.0%\) \d+ users/s", error);
        var (model, metadata) = Checkpoint.Load(checkpoint);
        using (model)
        {
            var expected = SnapshotBuilder.Build(model, metadata, CheckpointIds.Read(checkpoint), SampleGraphs.Demo,
                new EmbedOptions { BatchSize = 512, CreatedAt = DateTimeOffset.Parse(Created) });
            Assert.Equal(Bytes(expected), File.ReadAllBytes(path));
        }
    }

    [Fact]
    public void Embed_TwoShardsThenMerge_EqualsTheSingleProcessFile()
    {
        using var folder = new TempFolder();
        var checkpoint = DemoCheckpoint(folder);
        var shards = Directory.CreateDirectory(folder.File("shards")).FullName;
        string[] common = ["--graph", SampleGraphs.DemoFolder, "--checkpoint", checkpoint, "--batch-size", "300", "--created-at", Created, "--quiet"];

        var single = Run(["embed", .. common, "--out", folder.File("single.gasnap")]);
        var first = Run(["embed", .. common, "--out", shards, "--shard", "0/2"]);
        var second = Run(["embed", .. common, "--out", shards, "--shard-index", "1", "--shard-count", "2"]);
        var merged = Run("embed", "merge", "--out", folder.File("merged.gasnap"), "--created-at", Created, shards);

        Assert.All(new[] { single, first, second, merged }, r => Assert.True(r.Code == 0, r.Error));
        Assert.All(new[] { single, first, second, merged }, r => Assert.Equal("ok", Summary(r.Output).GetProperty("status").GetString()));
        Assert.Equal("embed merge", Summary(merged.Output).GetProperty("job").GetString());
        Assert.True(File.Exists(Path.Combine(shards, "shard-1-of-2.gashard")));
        Assert.Equal(File.ReadAllBytes(folder.File("single.gasnap")), File.ReadAllBytes(folder.File("merged.gasnap")));
    }

    [Theory]
    [InlineData("missing-checkpoint", "does not exist")]
    [InlineData("bad-shard", "shard index 3 is outside 0..1")]
    [InlineData("no-source", "exactly one graph source")]
    [InlineData("other-graph", "shaped for")]
    public void Embed_BadInput_ExitsOneWithAClearReason(string scenario, string message)
    {
        using var folder = new TempFolder();
        var checkpoint = scenario == "other-graph" ? VersionOneCheckpointOfAnotherGraph(folder) : DemoCheckpoint(folder);
        List<string> args = ["embed", "--checkpoint", scenario == "missing-checkpoint" ? folder.File("nope") : checkpoint,
            "--out", folder.File("x.gasnap")];
        if (scenario != "no-source") args.AddRange(["--graph", SampleGraphs.DemoFolder]);
        if (scenario == "bad-shard") args.AddRange(["--shard", "3/2"]);

        var (code, output, error) = Run([.. args]);

        Assert.Equal(1, code);
        Assert.Contains(message, error);
        Assert.Equal("failed", Summary(output).GetProperty("status").GetString());
        Assert.Contains(message, Summary(output).GetProperty("error").GetString());
        Assert.False(File.Exists(folder.File("x.gasnap")));
    }

    [Fact]
    public void Merge_MissingShard_ExitsOneNamingIt()
    {
        using var folder = new TempFolder();
        var checkpoint = DemoCheckpoint(folder);
        var shard = folder.File("s0.gashard");
        Assert.Equal(0, Run("embed", "--graph", SampleGraphs.DemoFolder, "--checkpoint", checkpoint, "--out", shard, "--shard", "0/3", "-q").Code);

        var (code, _, error) = Run("embed", "merge", "--out", folder.File("m.gasnap"), shard);

        Assert.Equal(1, code);
        Assert.Contains("missing shard(s) 1/3, 2/3", error);
    }

    // The job's last line: the one-line JSON summary a CronJob's log is alerted on.
    internal static System.Text.Json.JsonElement Summary(string output) =>
        System.Text.Json.JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]).RootElement;

    internal static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { EmbedCommand.Create() };
        var code = root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error })
            .WaitAsync(TimeSpan.FromSeconds(120)).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    internal static string DemoCheckpoint(TempFolder folder)
    {
        var path = folder.File("checkpoint");
        using var model = UntrainedModels.Untrained(SampleGraphs.Demo);
        Checkpoint.Save(path, model, UntrainedModels.Metadata(SampleGraphs.Demo), CheckpointIds.Of(SampleGraphs.Demo));
        return path;
    }

    private static string VersionOneCheckpointOfAnotherGraph(TempFolder folder)
    {
        var path = folder.File("other");
        var graph = SampleGraphs.Random();
        using var model = UntrainedModels.Untrained(graph);
        Checkpoint.Save(path, model, UntrainedModels.Metadata(graph));
        return path;
    }

    private static byte[] Bytes(EmbeddingSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.WriteTo(snapshot, stream);
        return stream.ToArray();
    }
}
