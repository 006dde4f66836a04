using GraphAttn.Cli.Tests.Support;
using GraphAttn.Evaluation.Reports;
using GraphAttn.Graph;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Cli.Tests.Commands;

public sealed class SnapshotEvalTests
{
    [Fact]
    public async Task Eval_SnapshotOfTrainingGraph_ScoresByDotProduct()
    {
        using var folder = new TempFolder();
        var seeds = Path.Combine(folder.Path, "seeds");
        var graph = ClusteredGraph.Build();
        GraphSeedsWriter.Write(graph, seeds);
        var splitFile = Path.Combine(folder.Path, "split.tsv");
        var trainDir = Path.Combine(folder.Path, "train");

        var export = await EvalCommandRunner.Run([seeds, "--methods", "pop", "--save-split", splitFile, "--export-train", trainDir]);
        Assert.True(export.Code == 0, export.Err);
        // The model side: embed the exported training graph. A one-hot cluster embedding stands in for the GAT.
        var train = new CsvGraphSource(trainDir).Load();
        var snapshotPath = Path.Combine(folder.Path, "model.snapshot");
        SnapshotWriter.Write(ClusterSnapshot(train, train.Fingerprint), snapshotPath);

        var outDir = Path.Combine(folder.Path, "out");
        var (code, _, stderr) = await EvalCommandRunner.Run(
            [seeds, "--split", splitFile, "--methods", "pop", "--snapshot", snapshotPath, "--k", "5", "--out", outDir]);
        Assert.True(code == 0, stderr);
        var report = JsonReport.FromJson(await File.ReadAllTextAsync(Path.Combine(outDir, "report.json")));
        var model = report.Results.Single(r => r.Method == "snapshot" && r.Task == "content");
        var pop = report.Results.Single(r => r.Method == "Pop");
        Assert.True(model.Metrics["Recall@5"] > pop.Metrics["Recall@5"] + 0.2, $"{model.Metrics["Recall@5"]} vs {pop.Metrics["Recall@5"]}");
        Assert.Contains(report.Results, r => r.Method == "snapshot" && r.Task == "friends");
    }

    [Fact]
    public async Task Eval_SnapshotOfFullGraph_RefusedAsLeak()
    {
        using var folder = new TempFolder();
        var seeds = Path.Combine(folder.Path, "seeds");
        var graph = ClusteredGraph.Build();
        GraphSeedsWriter.Write(graph, seeds);
        var snapshotPath = Path.Combine(folder.Path, "model.snapshot");
        SnapshotWriter.Write(ClusterSnapshot(graph, graph.Fingerprint), snapshotPath);

        var (code, _, stderr) = await EvalCommandRunner.Run([seeds, "--methods", "pop", "--snapshot", snapshotPath]);
        Assert.Equal(1, code);
        Assert.Contains("may have seen the test data", stderr);
    }

    // Users and contents of cluster k get the unit vector e_k (ids carry the index; cluster = index % 4).
    private static EmbeddingSnapshot ClusterSnapshot(SocialGraph g, string fingerprint)
    {
        const int dims = 4;
        float[] Vectors(IdMap ids)
        {
            var v = new float[ids.Count * dims];
            for (var i = 0; i < ids.Count; i++) v[(i * dims) + (int.Parse(ids[i][1..]) % dims)] = 1f;
            return v;
        }
        return new EmbeddingSnapshot(
            new SnapshotHeader("cluster-oracle", fingerprint, DateTimeOffset.UnixEpoch),
            [.. g.Users.Ids], [.. g.Contents.Ids],
            new EmbeddingMatrix(Vectors(g.Users), g.UserCount, dims),
            new EmbeddingMatrix(Vectors(g.Contents), g.ContentCount, dims),
            AttentionTable.Empty(g.UserCount), AttentionTable.Empty(g.UserCount));
    }
}
