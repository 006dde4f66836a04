using System.Diagnostics;
using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Graph.Matrices;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Scoring;
using TorchSharp;
using static TorchSharp.torch;

namespace GraphAttn.Model.Training;

/// <summary>
/// Trains <see cref="SocialRecModel"/>. Every step takes a batch of training interactions and a proportional batch of
/// follows (<see cref="BatchPlan"/>), each positive with a dynamic hard negative, and minimises
/// BPR(content) + FriendWeight * BPR(friends) + L2 (<see cref="BprLoss"/>). <see cref="TrainOptions.Mode"/> decides how
/// a step gets its vectors: <see cref="TrainMode.Full"/> runs the whole model over the whole graph,
/// <see cref="TrainMode.MiniBatch"/> runs it only for the step's users and contents over sampled in-edges. After each
/// epoch the content validation set is ranked in full; training stops after <see cref="TrainOptions.Patience"/> epochs
/// without a better NDCG@20 and keeps the best weights. With <see cref="TrainOptions.FriendStructure"/> a share of the
/// friendships is held out of training and, once the weights are final, used to fit the friend score's structural weight
/// (<see cref="FriendStructureFit"/>). Same seed and data give the same metrics.
/// </summary>
public sealed class Trainer(ModelOptions modelOptions, TrainOptions options)
{
    /// <summary>Called after every step's forward pass and loss, before the backward pass (tests, benchmarks).</summary>
    public Action<StepStats>? StepObserved { get; init; }

    /// <summary>Called after every step with where its time went (benchmarks).</summary>
    public Action<StepTimings>? StepTimed { get; init; }

    /// <summary>Trains on <paramref name="train"/>; validates against <paramref name="validation"/> when given.</summary>
    public TrainResult Train(SocialGraph train, SparseBinaryMatrix? validation, IProgress<TrainProgress>? progress = null,
        CancellationToken ct = default)
    {
        modelOptions.Validate();
        options.Validate();
        var total = Stopwatch.StartNew();
        manual_seed(options.Seed);
        var random = new Random(options.Seed);
        var data = TrainingSplit.Prepare(train, validation, options);
        var graph = data.Graph; // what the model learns from: held-out friendships (and a carved validation sample) stay out
        var inputs = new GraphInputs(graph, modelOptions);
        var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, modelOptions, (ulong)options.Seed);
        var content = new PositivePairs(GraphViews.Interacted(graph));
        var friends = new PositivePairs(GraphViews.Following(graph));
        var forward = StepForward(graph, inputs, friends);
        var validator = data.Validator;
        using var optimizer = new RootedAdam(model.parameters(), options.LearningRate);
        using var average = options.WeightAverage > 0 ? new WeightAverage(model.parameters(), options.WeightAverage) : null;
        var epochs = new List<TrainProgress>();
        var best = new BestWeights();
        var steps = 0;
        var (decays, patienceFrom) = (0, 0); // patience counts from the best epoch or the last decay, whichever is later
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            if (epoch - Math.Max(best.Epoch, patienceFrom) > options.Patience)
            {
                // A plateau: stop, or go back to the best weights and go on with smaller steps.
                if (decays == options.LearningRateDecays) break;
                decays++;
                best.Reload(model);
                average?.Reset();
                optimizer.LearningRate *= options.LearningRateDecayFactor;
                patienceFrom = epoch - 1;
            }
            ct.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            var plan = new BatchPlan(content, friends, graph.ContentCount, graph.UserCount, options, random);
            forward.BeginEpoch(model);
            var (contentLoss, friendLoss) = RunEpoch(model, forward, optimizer, average, plan, random, ref steps, ct);
            average?.SwapIn(); // validation judges (and best keeps) the averaged weights
            var metrics = validator?.Evaluate(new ModelScorer(forward.Embed(model))) ?? new Dictionary<string, double>();
            var score = metrics.TryGetValue(Validator.Metric, out var s) ? s : -contentLoss;
            var isBest = best.Offer(model, epoch, score, metrics);
            average?.SwapOut();
            var done = new TrainProgress(epoch, contentLoss, friendLoss, metrics, watch.Elapsed.TotalSeconds, isBest,
                optimizer.LearningRate);
            epochs.Add(done);
            progress?.Report(done);
        }
        best.Restore(model);
        var embeddings = forward.Embed(model);
        model.eval();
        // The score terms are fitted on vectors that never saw what they are fitted against: β on the held-out
        // friendships, γ on the validation interactions.
        var friendFit = data.Friends is null ? null : FriendStructureFit.Fit(embeddings, data.Friends, options.Seed);
        var contentFit = options.ContentFilter && validator is { RanksFriends: false }
            ? ContentFilterFit.Fit(embeddings, Filter(graph), validator) : null;
        if (data.Friends is not null || data.Carved)
        {
            // The vectors, AA and the filter handed on use every known follow and interaction, as a re-embedding over
            // the live graph will: the model attends over its in-edges, whatever they are.
            inputs.Dispose();
            inputs = new GraphInputs(train, modelOptions);
            embeddings = StepForward(train, inputs, new PositivePairs(GraphViews.Following(train))).Embed(model);
        }
        var structure = friendFit is { Weight: > 0 } ? new FriendStructure(Neighbourhood.Undirected(train), friendFit.Weight) : null;
        var contentTerm = contentFit is { Weight: > 0 } ? new ContentFilterTerm(Filter(train), contentFit.Weight) : null;
        return new TrainResult(model, inputs, embeddings, best.Epoch, best.Metrics, epochs, total.Elapsed.TotalSeconds,
            structure, friendFit, contentTerm, contentFit);
    }

    /// <summary>The graph filter of <paramref name="graph"/>'s user × content matrix.</summary>
    private static GraphFilter Filter(SocialGraph graph) =>
        new(GraphFilterContentScorer.UserContents(graph), graph.ContentCount);

    /// <summary>Embeddings of <paramref name="model"/> in eval mode (no dropout, no gradients), full-graph forward.</summary>
    public static ModelEmbeddings Embed(SocialRecModel model, GraphInputs inputs)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return ModelEmbeddings.From(model.forward(inputs));
    }

    private IStepForward StepForward(SocialGraph train, GraphInputs inputs, PositivePairs follows) => options.Mode switch
    {
        TrainMode.Full => new FullGraphForward(train, inputs, options, follows),
        TrainMode.MiniBatch => new MiniBatchForward(train, inputs, options),
        _ => throw new ArgumentException($"unknown training mode {options.Mode}"),
    };

    private (double Content, double Friends) RunEpoch(SocialRecModel model, IStepForward forward, RootedAdam optimizer,
        WeightAverage? average, BatchPlan plan, Random random, ref int steps, CancellationToken ct)
    {
        model.train();
        double contentSum = 0, friendSum = 0;
        for (var step = 0; step < plan.Steps; step++, steps++)
        {
            ct.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            var batch = forward.Prepare(plan.Take(step, random), steps);
            var (batchAt, forwardAt, lossAt, backwardAt) = (clock.Elapsed.TotalSeconds, 0.0, 0.0, 0.0);
            var vectors = forward.Forward(model, batch, steps);
            forwardAt = clock.Elapsed.TotalSeconds;
            var (contentLoss, friendLoss) = options.Loss == LossKind.Softmax
                ? (SoftmaxLoss.Compute(vectors.Users, vectors.Contents, batch.Content, plan.Content, excludeSelf: false, options.Temperature),
                    SoftmaxLoss.Compute(vectors.Friends, vectors.Friends, batch.Friends, plan.Friends, excludeSelf: true, options.Temperature))
                : (BprLoss.Compute(vectors.Users, vectors.Contents, batch.Content),
                    BprLoss.Compute(vectors.Friends, vectors.Friends, batch.Friends));
            var loss = contentLoss.Loss.Plus(friendLoss.Loss.mul(Scalars.Of(options.FriendWeight)))
                .Plus(contentLoss.Norms.mul(Scalars.Of(options.L2)))
                .Plus(friendLoss.Norms.mul(Scalars.Of(options.FriendL2 ?? options.L2)));
            lossAt = clock.Elapsed.TotalSeconds;
            StepObserved?.Invoke(Observe(scope, steps, vectors));
            optimizer.ZeroGrad();
            loss.backward();
            backwardAt = clock.Elapsed.TotalSeconds;
            optimizer.Step();
            average?.Update();
            StepTimed?.Invoke(new StepTimings(steps, batchAt, forwardAt - batchAt, lossAt - forwardAt, backwardAt - lossAt,
                clock.Elapsed.TotalSeconds - backwardAt));
            contentSum += contentLoss.Loss.item<float>();
            friendSum += friendLoss.Loss.item<float>();
        }
        return (contentSum / plan.Steps, friendSum / plan.Steps);
    }

    private static StepStats Observe(DisposeScope scope, int step, StepVectors vectors)
    {
        // Parameter wrappers (e.g. an embedding's weight property) share the weights' storage: not new memory.
        var tensors = scope.DisposablesView.OfType<Tensor>().Where(t => !t.IsInvalid && t is not TorchSharp.Modules.Parameter).ToList();
        return new StepStats(step, (int)vectors.Users.Table.shape[0], (int)vectors.Contents.Table.shape[0], vectors.Edges,
            tensors.Count, tensors.Sum(t => t.NumberOfElements));
    }
}
