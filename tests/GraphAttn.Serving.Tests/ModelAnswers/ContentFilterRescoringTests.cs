using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.ModelAnswers;
using GraphAttn.Serving.Recommending;
using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.State;
using GraphAttn.Serving.Store;

namespace GraphAttn.Serving.Tests.ModelAnswers;

/// <summary>
/// The model's content score with the snapshot's γ: vector · content + γ · GF(u, c) over the served graph's filter,
/// equal to scoring the whole catalogue, and the plain dot product with γ = 0.
/// </summary>
public sealed class ContentFilterRescoringTests
{
    [Theory]
    [InlineData(0f)]
    [InlineData(0.3f)]
    [InlineData(5f)]
    public async Task Content_RandomGraph_EqualsFullCatalogueScoring(float gamma)
    {
        var graph = SampleGraphs.Random(users: 80, contents: 300, seed: 9);
        var snapshot = RandomSnapshot(graph, gamma, seed: 4);
        var state = ServingState.Baseline(graph, "test", DateTimeOffset.UnixEpoch);
        await using var store = await StoreWithAsync(snapshot);
        var filter = Assert.IsType<GraphFilter>(state.ContentFilter);

        for (var user = 0; user < graph.UserCount; user += 7)
        {
            using var view = ModelView.TryOpen(store, graph, online: null)!;
            var model = view.Resolve(user, UserOverlay.Empty)!;
            foreach (var topic in new int?[] { null, user % graph.TopicCount })
            {
                var picks = ModelRecommender.Content(state, view, model, user, new ContentQuery(10, false, topic, Explain: false), UserOverlay.Empty);
                var expected = FullRanking(graph, snapshot, filter, gamma, user, 10, topic);
                Assert.Equal(expected.Select(e => e.Index), picks.Select(p => p.Index));
                Assert.Equal(expected.Select(e => e.Score), picks.Select(p => p.Score), (a, b) => MathF.Abs(a - b) < 1e-4f);
            }
        }
    }

    [Fact]
    public async Task Content_LargeGamma_AnItemOnlyTheFilterReachesComesFirst()
    {
        var graph = SampleGraphs.Random(users: 80, contents: 300, seed: 9);
        var state = ServingState.Baseline(graph, "test", DateTimeOffset.UnixEpoch);
        var filter = state.ContentFilter!;
        var user = Enumerable.Range(0, graph.UserCount).First(u => graph.Interactions.CountOf(u) > 0);
        var gf = new float[graph.ContentCount];
        filter.Score(user, gf);
        var seen = ContentRecommender.SeenBy(graph, user, UserOverlay.Empty).ToHashSet();
        var best = Enumerable.Range(0, graph.ContentCount).Where(c => !seen.Contains(c)).MaxBy(c => gf[c]);
        Assert.True(gf[best] > 0);

        foreach (var (gamma, expectBest) in new[] { (1000f, true), (0f, false) })
        {
            await using var store = await StoreWithAsync(RandomSnapshot(graph, gamma, seed: 4));
            using var view = ModelView.TryOpen(store, graph, online: null)!;
            var picks = ModelRecommender.Content(state, view, view.Resolve(user, UserOverlay.Empty)!, user, new ContentQuery(1, false, null, false), UserOverlay.Empty);
            Assert.Equal(expectBest, picks[0].Index == best);
        }
    }

    private static ScoredIndex[] FullRanking(SocialGraph graph, EmbeddingSnapshot snapshot, GraphFilter filter, float gamma, int user, int k, int? topic)
    {
        var gf = new float[graph.ContentCount];
        filter.Score(user, gf);
        var seen = ContentRecommender.SeenBy(graph, user, UserOverlay.Empty).ToHashSet();
        var scores = new float[graph.ContentCount];
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = seen.Contains(c) || (topic is int t && !graph.ContentTopics.Contains(c, t))
                ? TopK.Excluded
                : VectorMath.Dot(snapshot.UserVectors.Row(user), snapshot.ContentVectors.Row(c)) + (gamma * gf[c]);
        }

        return TopK.Select(scores, k);
    }

    private static EmbeddingSnapshot RandomSnapshot(SocialGraph graph, float gamma, int seed)
    {
        const int Dims = 8;
        var random = new Random(seed);
        float[] Vectors(int rows) => Enumerable.Range(0, rows * Dims).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var none = Enumerable.Range(0, graph.UserCount).Select(_ => (IReadOnlyList<(int, float)>)[]).ToList();
        return new EmbeddingSnapshot(
            new SnapshotHeader("filter-model", graph.Fingerprint, DateTimeOffset.UnixEpoch) { ContentFilterWeight = gamma },
            [.. Enumerable.Range(0, graph.UserCount).Select(u => graph.Users[u])], [.. Enumerable.Range(0, graph.ContentCount).Select(c => graph.Contents[c])],
            new EmbeddingMatrix(Vectors(graph.UserCount), graph.UserCount, Dims),
            new EmbeddingMatrix(Vectors(graph.ContentCount), graph.ContentCount, Dims),
            AttentionTable.FromRows(none), AttentionTable.FromRows(none),
            new EmbeddingMatrix(Vectors(graph.UserCount), graph.UserCount, Dims));
    }

    private static async Task<SnapshotStore> StoreWithAsync(EmbeddingSnapshot snapshot)
    {
        var store = new SnapshotStore(new SnapshotStoreOptions
        {
            Folder = Path.Combine(Path.GetTempPath(), "graphattn-none-" + Guid.NewGuid().ToString("N")),
            WatchFolder = false,
            PollInterval = Timeout.InfiniteTimeSpan,
        });
        await store.PublishAsync(ServingSnapshot.FromSnapshot(SnapshotFileInfo.InMemory("filter"), snapshot));
        return store;
    }
}
