using GraphAttn.Cli.Methods;
using GraphAttn.Evaluation.Methods;
using GraphAttn.Graph;
using GraphAttn.Graph.Loading.RecBole;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;

namespace GraphAttn.Cli.Tests.Methods;

/// <summary>
/// Regression for the crash of <c>graphattn eval ego-facebook --methods friends</c>: a RecBole folder whose .inter file
/// holds only its header loads as a graph with users and follows but no content, and training the model on it died in
/// <c>HistoryEncoder.forward</c> with libtorch's "index_select(): self indexing axis dim should be positive".
/// </summary>
public sealed class EgoFacebookShapeTests
{
    [Fact]
    public void Evaluate_HeaderOnlyInteractions_TrainsAndRanksFriendsWithoutNativeError()
    {
        var folder = Directory.CreateTempSubdirectory("graphattn-ego-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "ego.inter"), "user_id:token\titem_id:token\n");
            // Two cliques of 8 joined by one tie: friendships only, both directions listed as SNAP's file does.
            var lines = new List<string> { "source_id:token\ttarget_id:token" };
            for (var group = 0; group < 2; group++)
                for (var a = 0; a < 8; a++)
                    for (var b = 0; b < 8; b++)
                        if (a != b) lines.Add($"{group * 8 + a}\t{group * 8 + b}");
            lines.Add("0\t8");
            lines.Add("8\t0");
            File.WriteAllLines(Path.Combine(folder, "ego.net"), lines);
            var graph = new RecBoleAtomicSource(folder).Load();
            Assert.Equal((16, 0, 0), (graph.UserCount, graph.ContentCount, graph.InteractionCount));

            var catalog = new MethodCatalog();
            GraphAttnMethod.Register(catalog, new ModelOptions { Dimension = 8, Heads = 2, HistoryLength = 4 },
                new TrainOptions { Epochs = 2, BatchSize = 64 });
            // The path `graphattn eval` takes: the catalogue trains the model on the split's training graph.
            var split = DatasetSplitter.Split(graph, SplitKind.Random, seed: 3);
            var train = TrainGraph.Build(graph, split);
            var context = new MethodContext(train, GraphViews.Interacted(train), Neighbourhood.Undirected(train), 3);
            var scorer = catalog.Friend(GraphAttnMethod.Name, context);
            var scores = new float[graph.UserCount];
            scorer.ScoreUsers(0, scores);
            Assert.All(scores, s => Assert.True(float.IsFinite(s)));
            Assert.Contains(scores, s => s != 0f);
            var metrics = Validator.ForFriends(GraphViews.Following(train), split.FriendTest).Evaluate(scorer);
            Assert.True(metrics["Recall@10"] > 0, $"Recall@10 {metrics["Recall@10"]}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
