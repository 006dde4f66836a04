using GraphAttn.Evaluation.Live;
using GraphAttn.Evaluation.Methods.Content;
using GraphAttn.Evaluation.Methods.Friends;
using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;
using GraphAttn.Ranking;

namespace GraphAttn.Cli.Tests.Support;

/// <summary>Stands in for a server that serves ItemKNN and common neighbours on the split's training graph.</summary>
internal sealed class FakeRecommender : ILiveRecommender
{
    private readonly SocialGraph _graph;
    private readonly ItemKnnScorer _content;
    private readonly CommonNeighboursScorer _friends;
    private readonly SparseBinaryMatrix _seen;
    private readonly SocialGraph _train;
    private int _calls;

    public FakeRecommender(SocialGraph graph, DatasetSplit split)
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
        foreach (var c in _seen.Row(u)) scores[c] = TopK.Excluded;
        return Task.FromResult(Top(scores, k, _graph.Contents));
    }

    public Task<IReadOnlyList<string>> RecommendFriendsAsync(string userId, int k, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        var u = Index(_graph.Users, userId);
        var scores = new float[_graph.UserCount];
        _friends.ScoreUsers(u, scores);
        foreach (var v in _train.Following.Neighbors(u)) scores[v] = TopK.Excluded;
        scores[u] = TopK.Excluded;
        return Task.FromResult(Top(scores, k, _graph.Users));
    }

    private static int Index(IdMap map, string id) => map.TryGetIndex(id, out var i) ? i : throw new ArgumentException(id);

    private static IReadOnlyList<string> Top(float[] scores, int k, IdMap ids)
    {
        var top = new int[k];
        var n = TopK.Select(scores, top);
        return [.. top[..n].Select(i => ids[i])];
    }
}
