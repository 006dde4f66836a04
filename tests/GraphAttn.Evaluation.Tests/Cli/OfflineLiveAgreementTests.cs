using GraphAttn.Evaluation.Data;
using GraphAttn.Evaluation.Exports;
using GraphAttn.Evaluation.Live;
using GraphAttn.Evaluation.Methods.Content;
using GraphAttn.Evaluation.Methods.Friends;
using GraphAttn.Evaluation.Metrics;
using GraphAttn.Evaluation.Reports;
using GraphAttn.Evaluation.Splits;
using GraphAttn.Evaluation.Tests.Support;
using GraphAttn.Graph;

namespace GraphAttn.Evaluation.Tests.Cli;

public sealed class OfflineLiveAgreementTests
{
    [Fact]
    public async Task Eval_LiveServerServingSameMethod_AgreesWithOffline()
    {
        using var folder = new TempFolder();
        var seeds = Path.Combine(folder.Path, "seeds");
        var graph = ClusteredGraph.Build();
        GraphSeedsWriter.Write(graph, seeds);
        var splitFile = Path.Combine(folder.Path, "split.tsv");
        SplitFile.Save(splitFile, DatasetSplitter.Split(graph), graph);
        var server = new FakeServer(graph, SplitFile.Load(splitFile, graph));
        var outDir = Path.Combine(folder.Path, "out");

        var (code, _, stderr) = await EvalCommandRunner.Run(
            [seeds, "--split", splitFile, "--methods", "itemknn,common-neighbours", "--k", "5,10", "--live", "fake:1", "--out", outDir],
            address => address == "fake:1" ? server : throw new ArgumentException(address));

        Assert.True(code == 0, stderr);
        var report = JsonReport.FromJson(await File.ReadAllTextAsync(Path.Combine(outDir, "report.json")));
        var offlineContent = report.Results.Single(r => r.Method == "ItemKNN");
        var liveContent = report.Results.Single(r => r.Method == "live" && r.Task == "content");
        var offlineFriends = report.Results.Single(r => r.Method == "common-neighbours");
        var liveFriends = report.Results.Single(r => r.Method == "live" && r.Task == "friends");
        foreach (var key in offlineContent.Metrics.Keys) Assert.Equal(offlineContent.Metrics[key], liveContent.Metrics[key], 12);
        // AUC needs scores of sampled non-edges, which a top-K answer does not carry; every ranking metric must agree.
        foreach (var key in offlineFriends.Metrics.Keys.Where(k => k != "AUC"))
            Assert.Equal(offlineFriends.Metrics[key], liveFriends.Metrics[key], 12);
        Assert.True(server.Calls > 0);
    }

    /// <summary>Stands in for a server that serves ItemKNN and common neighbours on the split's training graph.</summary>
    private sealed class FakeServer : ILiveRecommender
    {
        private readonly SocialGraph _graph;
        private readonly ItemKnnScorer _content;
        private readonly CommonNeighboursScorer _friends;
        private readonly SparseBinaryMatrix _seen;
        private readonly SocialGraph _train;
        private int _calls;

        public FakeServer(SocialGraph graph, DatasetSplit split)
        {
            _graph = graph;
            _train = TrainGraph.Build(graph, split);
            var pairs = GraphViews.Interacted(_train);
            _content = new ItemKnnScorer(pairs);
            _friends = new CommonNeighboursScorer(Neighbourhood.Undirected(_train));
            _seen = SparseBinaryMatrix.FromPairs(graph.UserCount, graph.ContentCount, pairs.Pairs().Concat(split.ContentValid.Pairs()));
        }

        public int Calls => _calls;

        public Task<IReadOnlyList<string>> RecommendContentAsync(string userId, int k, CancellationToken ct)
        {
            Interlocked.Increment(ref _calls);
            var u = Index(_graph.Users, userId);
            var scores = new float[_graph.ContentCount];
            _content.ScoreContent(u, scores);
            foreach (var c in _seen.Row(u)) scores[c] = TopKSelection.Excluded;
            return Task.FromResult(Top(scores, k, _graph.Contents));
        }

        public Task<IReadOnlyList<string>> RecommendFriendsAsync(string userId, int k, CancellationToken ct)
        {
            Interlocked.Increment(ref _calls);
            var u = Index(_graph.Users, userId);
            var scores = new float[_graph.UserCount];
            _friends.ScoreUsers(u, scores);
            foreach (var v in _train.Following.Neighbors(u)) scores[v] = TopKSelection.Excluded;
            scores[u] = TopKSelection.Excluded;
            return Task.FromResult(Top(scores, k, _graph.Users));
        }

        private static int Index(IdMap map, string id) => map.TryGetIndex(id, out var i) ? i : throw new ArgumentException(id);

        private static IReadOnlyList<string> Top(float[] scores, int k, IdMap ids)
        {
            var top = new int[k];
            var n = TopKSelection.Select(scores, top);
            return [.. top[..n].Select(i => ids[i])];
        }
    }
}
