using GraphAttn.Graph.Baselines;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;
using GraphAttn.Model.Scoring;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Tests.Training;

public sealed class ContentFilterFitTests
{
    [Fact]
    public void Term_AddsWeightTimesTheFilterScore()
    {
        var graph = CommunityGraph.Build();
        var filter = new GraphFilter(GraphFilterContentScorer.UserContents(graph), graph.ContentCount);
        var embeddings = new ModelEmbeddings(2, new float[graph.UserCount * 2], new float[graph.ContentCount * 2], new float[graph.UserCount * 2]);
        var scores = new float[graph.ContentCount];
        new ModelScorer(embeddings, contentFilter: new ContentFilterTerm(filter, 0.5f)).ScoreContent(3, scores);
        var expected = new float[graph.ContentCount];
        filter.Score(3, expected);
        Assert.Equal(expected.Select(e => 0.5f * e), scores);
    }

    [Fact]
    public void Fit_NoiseVectors_ChoosesAWeightThatRanksHeldOutContentFarBetter()
    {
        var full = CommunityGraph.Build(usersPerCommunity: 30, contentsPerCommunity: 40, interactionsPerUser: 15);
        var split = DatasetSplitter.Split(full, SplitKind.Random, seed: 7);
        var train = TrainGraph.Build(full, split);
        var random = new Random(5);
        float[] Noise(int n) => [.. Enumerable.Range(0, n * 8).Select(_ => (float)random.NextDouble() - 0.5f)];
        var noise = new ModelEmbeddings(8, Noise(train.UserCount), Noise(train.ContentCount), Noise(train.UserCount));
        var filter = new GraphFilter(GraphFilterContentScorer.UserContents(train), train.ContentCount);
        var fit = ContentFilterFit.Fit(noise, filter, Validator.ForContent(GraphViews.Interacted(train), split.ContentValid))!;
        Assert.True(fit.Weight > 0, "co-occurrence within a community predicts the held-out items");
        // Chance Recall@20 is about 0.29 (Trainer tests); the filter finds the user's community.
        Assert.True(fit.Metrics["Recall@20"] > fit.EmbeddingsOnly["Recall@20"] + 0.2,
            $"Recall@20 {fit.Metrics["Recall@20"]:F3} vs embeddings alone {fit.EmbeddingsOnly["Recall@20"]:F3}");
    }

    [Fact]
    public void Train_ContentFilter_RecordsTheFitAndScoresWithTheTerm()
    {
        var (train, split) = TrainerTests.Data();
        var result = new Trainer(new GraphAttn.Model.Modeling.ModelOptions { Dimension = 8, Heads = 2, HistoryLength = 4 },
            new TrainOptions { Epochs = 2, BatchSize = 256, ContentFilter = true }).Train(train, split.ContentValid);
        var fit = Assert.IsType<ContentFilterFitResult>(result.ContentFit);
        Assert.Equal(fit.Weight, result.ContentFilterWeight, 6);
        Assert.Same(result.ContentFilter, result.Scorer().ContentFilter);
        Assert.True(fit.Metrics[Validator.Metric] >= fit.EmbeddingsOnly[Validator.Metric]);
        result.Inputs.Dispose();
        result.Model.Dispose();
    }
}
