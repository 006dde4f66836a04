using System.Diagnostics;
using GraphAttn.Evaluation.Data;
using GraphAttn.Graph;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Scoring;
using TorchSharp;
using static TorchSharp.torch;

namespace GraphAttn.Model.Training;

/// <summary>
/// Full-graph training of <see cref="SocialRecModel"/>: every step runs the whole model once, then takes a batch of
/// training interactions and a proportional batch of follows, each with a dynamic hard negative, and minimises
/// BPR(content) + FriendWeight * BPR(friends) + L2. After each epoch the content validation set is ranked in full;
/// training stops after <see cref="TrainOptions.Patience"/> epochs without a better NDCG@20 and keeps the best weights.
/// Same seed and data give the same metrics.
/// </summary>
public sealed class Trainer(ModelOptions modelOptions, TrainOptions options)
{
    /// <summary>Trains on <paramref name="train"/>; validates against <paramref name="validation"/> when given.</summary>
    public TrainResult Train(SocialGraph train, SparseBinaryMatrix? validation, IProgress<TrainProgress>? progress = null,
        CancellationToken ct = default)
    {
        modelOptions.Validate();
        options.Validate();
        var total = Stopwatch.StartNew();
        manual_seed(options.Seed);
        var random = new Random(options.Seed);
        var inputs = new GraphInputs(train, modelOptions);
        var model = new SocialRecModel(train.UserCount, train.ContentCount, train.TopicCount, modelOptions, (ulong)options.Seed);
        var content = new PositivePairs(GraphViews.Interacted(train));
        var friends = new PositivePairs(GraphViews.Following(train));
        var validator = validation is null ? null : Validator.ForContent(content.Matrix, validation);
        using var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        var epochs = new List<TrainProgress>();
        Dictionary<string, Tensor>? best = null;
        var bestScore = double.NegativeInfinity;
        var bestEpoch = 0;
        IReadOnlyDictionary<string, double> bestMetrics = new Dictionary<string, double>();
        for (var epoch = 1; epoch <= options.Epochs && epoch - bestEpoch <= options.Patience; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            var (contentLoss, friendLoss) = RunEpoch(model, inputs, optimizer, content, friends, random, ct);
            var metrics = validator?.Evaluate(new ModelScorer(Embed(model, inputs))) ?? new Dictionary<string, double>();
            var score = metrics.TryGetValue(Validator.Metric, out var s) ? s : -contentLoss;
            var isBest = score > bestScore;
            if (isBest)
            {
                (bestScore, bestEpoch, bestMetrics) = (score, epoch, metrics);
                DisposeAll(best);
                best = Snapshot(model);
            }
            var done = new TrainProgress(epoch, contentLoss, friendLoss, metrics, watch.Elapsed.TotalSeconds, isBest);
            epochs.Add(done);
            progress?.Report(done);
        }
        if (best is not null) model.load_state_dict(best);
        DisposeAll(best);
        var embeddings = Embed(model, inputs);
        return new TrainResult(model, inputs, embeddings, bestEpoch, bestMetrics, epochs, total.Elapsed.TotalSeconds);
    }

    /// <summary>Embeddings of <paramref name="model"/> in eval mode (no dropout, no gradients).</summary>
    public static ModelEmbeddings Embed(SocialRecModel model, GraphInputs inputs)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return ModelEmbeddings.From(model.forward(inputs));
    }

    private (double Content, double Friends) RunEpoch(SocialRecModel model, GraphInputs inputs, optim.Optimizer optimizer,
        PositivePairs content, PositivePairs friends, Random random, CancellationToken ct)
    {
        model.train();
        var contentOrder = Shuffled(content.Count, random);
        var friendOrder = Shuffled(friends.Count, random);
        var steps = Math.Max(1, (content.Count + options.BatchSize - 1) / options.BatchSize);
        var friendBatch = (friends.Count + steps - 1) / steps;
        double contentSum = 0, friendSum = 0;
        for (var step = 0; step < steps; step++)
        {
            ct.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var output = model.forward(inputs);
            var contentLoss = Bpr(output.Users, output.Contents, content,
                Slice(contentOrder, step * options.BatchSize, options.BatchSize), excludeSelf: false, random);
            var friendLoss = Bpr(output.Friends, output.Friends, friends,
                Slice(friendOrder, step * friendBatch, friendBatch), excludeSelf: true, random);
            var loss = contentLoss.Loss + options.FriendWeight * friendLoss.Loss + options.L2 * (contentLoss.Norms + friendLoss.Norms);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            contentSum += contentLoss.Loss.item<float>();
            friendSum += friendLoss.Loss.item<float>();
        }
        return (contentSum / steps, friendSum / steps);
    }

    /// <summary>BPR loss of a batch and the mean squared norm of the vectors involved (for L2).</summary>
    private (Tensor Loss, Tensor Norms) Bpr(Tensor rowTable, Tensor columnTable, PositivePairs pairs, int[] batch,
        bool excludeSelf, Random random)
    {
        if (batch.Length == 0) return (zeros(1).sum(), zeros(1).sum());
        var rows = batch.Select(i => pairs.Rows[i]).ToArray();
        var rowVectors = rowTable.index_select(0, tensor(rows.Select(r => (long)r).ToArray())); // [B, D]
        var positives = columnTable.index_select(0, tensor(batch.Select(i => (long)pairs.Columns[i]).ToArray()));
        var negativeIds = HardNegatives.Pick(rows, pairs, rowVectors.detach(), columnTable.detach(),
            options.NegativeCandidates, excludeSelf, random);
        var negatives = columnTable.index_select(0, negativeIds); // [B, D]
        var margin = (rowVectors * positives).sum(-1) - (rowVectors * negatives).sum(-1);
        var loss = -nn.functional.logsigmoid(margin).mean();
        var norms = (rowVectors.pow(2).sum(-1) + positives.pow(2).sum(-1) + negatives.pow(2).sum(-1)).mean();
        return (loss, norms);
    }

    private static int[] Shuffled(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }

    private static int[] Slice(int[] order, int start, int length) =>
        start >= order.Length ? [] : order[start..Math.Min(order.Length, start + length)];

    private static Dictionary<string, Tensor> Snapshot(SocialRecModel model) =>
        model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());

    private static void DisposeAll(Dictionary<string, Tensor>? state)
    {
        if (state is null) return;
        foreach (var t in state.Values) t.Dispose();
    }
}
