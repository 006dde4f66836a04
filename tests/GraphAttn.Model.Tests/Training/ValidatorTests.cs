using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;
using GraphAttn.Model.Scoring;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Tests.Training;

public sealed class ValidatorTests
{
    [Fact]
    public void Evaluate_BlockProducts_EqualOneUserAtATime()
    {
        var full = CommunityGraph.Build(usersPerCommunity: 30, contentsPerCommunity: 40, interactionsPerUser: 15);
        var split = DatasetSplitter.Split(full, SplitKind.Random, seed: 7);
        var train = TrainGraph.Build(full, split);
        var random = new Random(9);
        float[] Noise(int n) => [.. Enumerable.Range(0, n * 8).Select(_ => (float)random.NextDouble() - 0.5f)];
        var embeddings = new ModelEmbeddings(8, Noise(train.UserCount), Noise(train.ContentCount), Noise(train.UserCount));
        var filter = new ContentFilterTerm(new GraphFilter(GraphFilterContentScorer.UserContents(train), train.ContentCount), 0.7f);
        var structure = new FriendStructure(Neighbourhood.Undirected(train), 0.5f);
        var scorer = new ModelScorer(embeddings, structure: structure, contentFilter: filter);
        foreach (var validator in new[]
                 {
                     Validator.ForContent(GraphViews.Interacted(train), split.ContentValid),
                     Validator.ForFriends(GraphViews.Following(train), split.FriendTest),
                 })
        {
            var fast = validator.Evaluate(scorer);
            var plain = validator.RanksFriends ? validator.Evaluate((IFriendScorer)scorer) : validator.Evaluate((IContentScorer)scorer);
            foreach (var key in new[] { "Recall@10", "Recall@20", "NDCG@10", "NDCG@20" })
                Assert.Equal(plain[key], fast[key], 5);
        }
    }
}
