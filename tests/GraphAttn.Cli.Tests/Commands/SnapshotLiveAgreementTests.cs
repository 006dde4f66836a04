using GraphAttn.Cli.Methods;
using GraphAttn.Cli.Tests.Support;
using GraphAttn.Evaluation.Live;
using GraphAttn.Evaluation.Reports;
using GraphAttn.Graph;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Cli.Tests.Commands;

/// <summary>
/// The same embedding snapshot evaluated offline (`--snapshot`) and through the real server serving it (`--live`):
/// every ranking metric must agree exactly, for content and for friends, also when the friend score carries the
/// structural term β · AA (format version 3).
/// </summary>
public sealed class SnapshotLiveAgreementTests
{
    [Theory]
    [InlineData(0f)]
    [InlineData(0.5f)] // the friend score's structural term: offline and live must add the same β · AA
    public async Task Eval_ServerServingSnapshot_LiveAgreesWithOfflineSnapshot(float structureWeight)
    {
        using var folder = new TempFolder();
        var (seeds, _, _, splitFile, train) = SplitSetup.Create(folder);
        var snapshots = Directory.CreateDirectory(Path.Combine(folder.Path, "snapshots")).FullName;
        var snapshotPath = Path.Combine(snapshots, "model.gasnap");
        SnapshotWriter.Write(RandomSnapshot(train, structureWeight), snapshotPath);
        if (structureWeight > 0) AssertTheWeightChangesFriendRankings(train, structureWeight);
        await using var server = await TestServerHost.StartAsync(train, new()
        {
            ["GraphAttn:Model:Mode"] = "snapshots",
            ["GraphAttn:Model:SnapshotFolder"] = snapshots,
        });
        var outDir = Path.Combine(folder.Path, "out");

        // On validation items the server, holding the training graph, excludes exactly the training items.
        var (code, _, stderr) = await EvalCommandRunner.Run(
            [seeds, "--split", splitFile, "--on", "valid", "--methods", "pop", "--snapshot", snapshotPath, "--k", "5,10",
             "--live", "test-server", "--out", outDir],
            _ => new GrpcLiveRecommender(server.Channel));

        Assert.True(code == 0, stderr);
        var report = JsonReport.FromJson(await File.ReadAllTextAsync(Path.Combine(outDir, "report.json")));
        var offline = report.Results.Single(r => r.Method == "snapshot" && r.Task == "content");
        var live = report.Results.Single(r => r.Method == "live" && r.Task == "content");
        Assert.True(offline.Metrics["Recall@10"] > 0, "a snapshot that finds nothing would agree trivially");
        foreach (var key in offline.Metrics.Keys) Assert.Equal(offline.Metrics[key], live.Metrics[key], 12);
        var offlineFriends = report.Results.Single(r => r.Method == "snapshot" && r.Task == "friends");
        var liveFriends = report.Results.Single(r => r.Method == "live" && r.Task == "friends");
        Assert.True(offlineFriends.Metrics["Recall@10"] > 0);
        // AUC needs scores of sampled non-edges, which a top-K answer does not carry; every ranking metric must agree.
        foreach (var key in offlineFriends.Metrics.Keys.Where(k => k != "AUC"))
            Assert.Equal(offlineFriends.Metrics[key], liveFriends.Metrics[key], 12);
    }

    // Guards the agreement: with this weight the structural term must reorder some user's top 10, or the β case
    // would compare the same rankings as the β = 0 case.
    private static void AssertTheWeightChangesFriendRankings(SocialGraph train, float structureWeight)
    {
        var friends = Neighbourhood.Undirected(train);
        var with = new SnapshotScorers(RandomSnapshot(train, structureWeight), train).Friends(friends);
        var without = new SnapshotScorers(RandomSnapshot(train, 0f), train).Friends(friends);
        var a = new float[train.UserCount];
        var b = new float[train.UserCount];
        var changed = 0;
        for (var u = 0; u < train.UserCount; u++)
        {
            with.ScoreUsers(u, a);
            without.ScoreUsers(u, b);
            if (!Top(a, 10).SequenceEqual(Top(b, 10))) changed++;
        }
        Assert.True(changed > train.UserCount / 4, $"β = {structureWeight} changed the top 10 of only {changed} users");

        static IEnumerable<int> Top(float[] scores, int k) => Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).Take(k);
    }

    // Cluster direction plus seeded noise: informative (metrics above zero) and free of score ties.
    private static EmbeddingSnapshot RandomSnapshot(SocialGraph g, float structureWeight)
    {
        const int dims = 8;
        var random = new Random(7);
        float[] Vectors(IdMap ids)
        {
            var v = new float[ids.Count * dims];
            for (var i = 0; i < ids.Count; i++)
            {
                for (var d = 0; d < dims; d++) v[(i * dims) + d] = (float)(random.NextDouble() - 0.5) * 0.5f;
                v[(i * dims) + (int.Parse(ids[i][1..]) % 4)] += 1f;
            }
            return v;
        }
        return new EmbeddingSnapshot(
            new SnapshotHeader("agreement-model", g.Fingerprint, DateTimeOffset.UnixEpoch) { FriendStructureWeight = structureWeight },
            [.. g.Users.Ids], [.. g.Contents.Ids],
            new EmbeddingMatrix(Vectors(g.Users), g.UserCount, dims),
            new EmbeddingMatrix(Vectors(g.Contents), g.ContentCount, dims),
            AttentionTable.Empty(g.UserCount), AttentionTable.Empty(g.UserCount));
    }
}
