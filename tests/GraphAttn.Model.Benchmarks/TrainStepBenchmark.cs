using System.Diagnostics;
using System.Globalization;
using GraphAttn.Graph;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Graph.Loading.LastFm;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;
using static TorchSharp.torch;

namespace GraphAttn.Model.Benchmarks;

/// <summary>
/// Where a full-graph training step's time goes, phase by phase (draw the batch, forward, loss with its hard-negative
/// choice, backward, Adam), on the training part of a graph-seeds or Last.fm folder, in the way <see cref="Trainer"/>
/// takes a step. Usage: <c>trainstep --graph DIR [--negatives K] [--loss bpr|softmax] [--steps N]</c>.
/// </summary>
internal static class TrainStepBenchmark
{
    public static int Run(string[] args)
    {
        var flags = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i], i => args[2 * i + 1]);
        var folder = flags["--graph"];
        var steps = int.Parse(flags.GetValueOrDefault("--steps", "5"), CultureInfo.InvariantCulture);
        var options = new TrainOptions
        {
            NegativeCandidates = int.Parse(flags.GetValueOrDefault("--negatives", "8"), CultureInfo.InvariantCulture),
            Loss = Enum.Parse<LossKind>(flags.GetValueOrDefault("--loss", "bpr"), ignoreCase: true),
        };
        IGraphSource source = LastFmSource.Recognizes(folder) ? new LastFmSource(folder) : new CsvGraphSource(folder);
        var full = source.LoadAsync(null, default).GetAwaiter().GetResult();
        var train = TrainGraph.Build(full, DatasetSplitter.Split(full, SplitKind.Random, options.Seed));
        var modelOptions = new ModelOptions();
        using var inputs = new GraphInputs(train, modelOptions);
        using var model = new SocialRecModel(train.UserCount, train.ContentCount, train.TopicCount, modelOptions);
        using var adam = optim.Adam(model.parameters(), options.LearningRate);
        var content = new PositivePairs(GraphViews.Interacted(train));
        var friends = new PositivePairs(GraphViews.Following(train));
        var random = new Random(options.Seed);
        var plan = new BatchPlan(content, friends, train.ContentCount, train.UserCount, options, random);
        Console.WriteLine($"{source.Describe}: {train}; torch threads {get_num_threads()}; loss {options.Loss}, " +
            $"{(options.Loss == LossKind.Bpr ? $"{options.NegativeCandidates} candidates" : $"{options.SharedNegatives} shared negatives")}, batch {options.AutoBatch(content.Count)}");
        var totals = new Dictionary<string, double>();
        model.train();
        for (var step = 0; step <= steps; step++)
        {
            using var scope = NewDisposeScope();
            var watch = Stopwatch.StartNew();
            // Step 0 warms up and is not counted.
            void Phase(string name)
            {
                if (step > 0) totals[name] = totals.GetValueOrDefault(name) + watch.Elapsed.TotalMilliseconds;
                watch.Restart();
            }
            var batch = plan.Take(step % plan.Steps, random);
            Phase("draw batch");
            var output = model.forward(inputs);
            Phase("forward");
            var (users, contents, friendVectors) = (new VectorLookup(output.Users), new VectorLookup(output.Contents), new VectorLookup(output.Friends));
            var (c, f) = options.Loss == LossKind.Softmax
                ? (SoftmaxLoss.Compute(users, contents, batch.Content, content, false, options.Temperature),
                    SoftmaxLoss.Compute(friendVectors, friendVectors, batch.Friends, friends, true, options.Temperature))
                : (BprLoss.Compute(users, contents, batch.Content), BprLoss.Compute(friendVectors, friendVectors, batch.Friends));
            var loss = c.Loss + f.Loss;
            Phase("loss");
            adam.zero_grad();
            loss.backward();
            Phase("backward");
            adam.step();
            Phase("adam");
        }
        foreach (var (name, ms) in totals) Console.WriteLine($"{name,-12} {ms / steps,8:F1} ms/step (mean of {steps})");
        Console.WriteLine($"step         {totals.Values.Sum() / steps,8:F1} ms/step");
        return 0;
    }
}
