using System.Globalization;
using GraphAttn.Evaluation.Methods.Content;
using GraphAttn.Graph.Loading;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Training;
using GraphAttn.Ranking.Evaluators;
using static TorchSharp.torch;

namespace GraphAttn.Evaluation.Benchmarks.Research;

/// <summary>
/// How well the model embeds a user it knows only by their followees: <c>coldstart --graph DIR [--model key=value+...]
/// [--seed S]</c>. Trains on the 8:1:1 split's training part (validation items for early stopping), then ranks every
/// test user's held-out content three ways: with the user's own vectors; as a new user (no id row, no interactions, no
/// history, only their training followees: what the server computes at request time for someone who has followed people
/// but not interacted); and by popularity. Prints Recall@20 and NDCG@20 of each over test users with at least one
/// followee.
/// </summary>
internal static class ColdStartBenchmark
{
    public static int Run(string[] args)
    {
        var flags = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i], i => args[2 * i + 1]);
        var seed = int.Parse(flags.GetValueOrDefault("--seed", "2026"), CultureInfo.InvariantCulture);
        var full = GraphFolder.Source(flags["--graph"]).LoadAsync(null, default).GetAwaiter().GetResult();
        var split = DatasetSplitter.Split(full, SplitKind.Random, seed);
        var train = TrainGraph.Build(full, split);
        var (model, training) = ModelSettings.From(MethodSpec.Parse("graphattn:" + flags.GetValueOrDefault("--model", "")), seed);
        var result = new Trainer(model, training).Train(train, split.ContentValid);
        Console.WriteLine($"trained: best epoch {result.BestEpoch} of {result.Epochs.Count}, {result.Seconds:F0} s; {model}; whole-history dropout {training.WholeHistoryDropout}");

        var seen = GraphViews.Interacted(TrainGraph.Build(full, split, keepValidation: true));
        var withFollowees = SparseBinaryMatrix.FromPairs(split.ContentTest.RowCount, split.ContentTest.ColumnCount,
            split.ContentTest.Pairs().Where(p => train.Following.Degree(p.Row) > 0));
        var task = new RankingTask("content", seen, withFollowees, false, seen.ColumnCounts());
        var evaluator = new FullRankingEvaluator(new EvaluatorOptions { Ks = [20] });
        var cold = ColdVectors(result, train, task.EvaluatedUsers());
        var d = result.Embeddings.Dimension;
        void Print(string name, ScoreFunction score)
        {
            var m = evaluator.Evaluate(name, score, task).Metrics;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {m["Recall@20"]:F4} | {m["NDCG@20"]:F4} |"));
        }
        Console.WriteLine($"test users with followees: {task.EvaluatedUsers().Length}");
        Console.WriteLine("| vectors | Recall@20 | NDCG@20 |\n|---|---:|---:|");
        Print("own (id, history, followees)", result.Scorer().ScoreContent);
        Print("new user (followees only)", (u, s) =>
        {
            var q = cold[u];
            for (var c = 0; c < s.Length; c++) s[c] = Dot(q, result.Embeddings.Contents.AsSpan(c * d, d));
        });
        Print("popularity", new PopularityScorer(GraphViews.Interacted(train)).ScoreContent);
        result.Inputs.Dispose();
        return 0;
    }

    /// <summary>Each user's vector as a new user with only their followees (no id row, interactions or history).</summary>
    private static Dictionary<int, float[]> ColdVectors(TrainResult result, GraphAttn.Graph.SocialGraph train, int[] users)
    {
        var model = result.Model;
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var context = BlockContext.ForTrainingGraph(train);
        if (result.Inputs.Propagation is { } pairs) context = context.With(model.Propagate(pairs, context));
        var vectors = new Dictionary<int, float[]>();
        var length = model.Options.HistoryLength;
        foreach (var u in users)
        {
            var history = BlockHistory.FromEvents([], length, model.Options.TimeBuckets);
            var block = new UserBlock([-1], TargetEdges.FromLists([train.Following.Neighbors(u).ToArray()]), TargetEdges.FromLists([Array.Empty<int>()]), history);
            vectors[u] = model.ForwardUsers(block, context).Users.data<float>().ToArray();
        }
        return vectors;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
