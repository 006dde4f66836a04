using System.CommandLine;
using GraphAttn.Cli.Eval;
using GraphAttn.Cli.Options;
using GraphAttn.Cli.Output;
using GraphAttn.Graph;
using GraphAttn.Graph.Loading;
using GraphAttn.Model.Jobs;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Sampling;
using GraphAttn.Model.Training;

namespace GraphAttn.Cli.Commands;

/// <summary>
/// The <c>train</c> command of <c>graphattn</c>:
/// <c>train --graph DIR --out DIR [--epochs N] [--seed S] [--batch-size B] [--lr X] [--dim D] [--history L]
/// [--negatives K] [--loss bpr|softmax [--shared-negatives S] [--temperature T]] [--normalize] [--attention-dropout P] [--history-dropout P] [--patience P] [--lr-decays N [--lr-decay-factor F]] [--weight-average D] [--friend-weight W] [--l2 X] [--friend-l2 X] [--friend-structure true|false] [--friend-validation S] [--mini-batch [--fan-out F] [--stale-negatives]] [--quiet] [--baselines]</c>.
/// </summary>
public static class TrainCommand
{
    /// <summary>Creates the command, ready to add to a root command.</summary>
    public static Command Create()
    {
        var t = new TrainOptions();
        var m = new ModelOptions();
        var graph = CommonOptions.Graph(required: true);
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Checkpoint folder (model.dat + checkpoint.json).", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs.", DefaultValueFactory = _ => t.Epochs };
        var seed = new Option<int>("--seed") { Description = "Seed of the split, initialisation and sampling.", DefaultValueFactory = _ => t.Seed };
        var batch = new Option<int>("--batch-size") { Description = "Positives per step of the larger task (0 = automatic: grows with the graph).", DefaultValueFactory = _ => t.BatchSize };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => t.LearningRate };
        var dim = new Option<int>("--dim") { Description = "Embedding width (multiple of 4 heads).", DefaultValueFactory = _ => m.Dimension };
        var history = new Option<int>("--history") { Description = "History length L.", DefaultValueFactory = _ => m.HistoryLength };
        var negatives = new Option<int>("--negatives") { Description = "Candidates per hard negative (1 = uniform).", DefaultValueFactory = _ => t.NegativeCandidates };
        var patience = new Option<int>("--patience") { Description = "Epochs without validation gain before stopping.", DefaultValueFactory = _ => t.Patience };
        var lrDecays = new Option<int>("--lr-decays") { Description = "Plateaus that lower the learning rate (back to the best weights, then on) before one ends training.", DefaultValueFactory = _ => t.LearningRateDecays };
        var lrDecayFactor = new Option<double>("--lr-decay-factor") { Description = "With --lr-decays: factor applied to the learning rate at each plateau.", DefaultValueFactory = _ => t.LearningRateDecayFactor };
        var weightAverage = new Option<double>("--weight-average") { Description = "Decay of a moving average of the weights after every step (0 = off); validation and the checkpoint use the averaged weights.", DefaultValueFactory = _ => t.WeightAverage };
        var friendWeight = new Option<double>("--friend-weight") { Description = "Weight of the friend loss.", DefaultValueFactory = _ => t.FriendWeight };
        var loss = new Option<LossKind>("--loss") { Description = "Ranking loss: bpr (one hard negative per positive) or softmax (sampled softmax over shared uniform negatives).", DefaultValueFactory = _ => t.Loss };
        var sharedNegatives = new Option<int>("--shared-negatives") { Description = "With --loss softmax: uniform negatives per step, shared by its positives.", DefaultValueFactory = _ => t.SharedNegatives };
        var temperature = new Option<double>("--temperature") { Description = "With --loss softmax: temperature dividing every score.", DefaultValueFactory = _ => t.Temperature };
        var attentionDropout = new Option<float>("--attention-dropout") { Description = "Dropout on the GAT attention coefficients in training.", DefaultValueFactory = _ => m.AttentionDropout };
        var historyDropout = new Option<double>("--history-dropout") { Description = "Dropout inside the history transformer in training.", DefaultValueFactory = _ => m.HistoryDropout };
        var propagation = new Option<int>("--propagation") { Description = $"Layers of parameter-free interaction propagation added to user and content vectors (0 = off, at most {ModelOptions.MaxPropagationLayers}).", DefaultValueFactory = _ => m.PropagationLayers };
        var friendPropagation = new Option<int>("--friend-propagation") { Description = $"Layers of parameter-free propagation over the friendships added to the friend vectors (0 = off, at most {ModelOptions.MaxPropagationLayers}).", DefaultValueFactory = _ => m.FriendPropagationLayers };
        var historyLayers = new Option<int>("--history-layers") { Description = "Transformer layers of the history encoder before its attention pooling (0 or 1).", DefaultValueFactory = _ => m.HistoryLayers };
        var contentFilter = new Option<bool>("--content-filter") { Description = "Add γ · the graph filter (GF-CF) score to the content score, γ fitted on validation (0 when it does not help).", DefaultValueFactory = _ => t.ContentFilter };
        var wholeHistoryDropout = new Option<double>("--whole-history-dropout") { Description = "Share of a step's users trained without their history, so new users with followees get useful vectors.", DefaultValueFactory = _ => t.WholeHistoryDropout };
        var normalize = new Option<bool>("--normalize") { Description = "Unit-length user, content and friend vectors (scores are cosines; use with --loss softmax and a temperature such as 0.1)." };
        var l2 = new Option<double>("--l2") { Description = "L2 penalty on the vectors a step scores.", DefaultValueFactory = _ => t.L2 };
        var friendL2 = new Option<double?>("--friend-l2") { Description = "L2 penalty on the friend task's vectors (default: --l2)." };
        var friendStructure = new Option<bool>("--friend-structure") { Description = "Add β · Adamic-Adar to the friend score, β fitted on friendships held out of training (false: embeddings only).", DefaultValueFactory = _ => t.FriendStructure };
        var friendValidation = new Option<double>("--friend-validation") { Description = "With --friend-structure: share of the training friendships held out to fit β.", DefaultValueFactory = _ => t.FriendValidationShare };
        var miniBatch = new Option<bool>("--mini-batch") { Description = "Mini-batch steps over sampled neighbourhoods instead of full-graph steps (for graphs too large for full-graph training)." };
        var fanOut = new Option<string>("--fan-out") { Description = "In-edges sampled per target with --mini-batch: one value, or follows,interactions,content-users (e.g. 10,10,10), or 'all'.", DefaultValueFactory = _ => t.FanOut.ToString() };
        var staleNegatives = new Option<bool>("--stale-negatives") { Description = "With --mini-batch: choose hard negatives by the last epoch's embeddings, so candidates need no forward pass." };
        var quiet = CommonOptions.Quiet();
        var baselines = new Option<bool>("--baselines") { Description = "Also report the evaluation baselines' test metrics on the same split." };
        var command = new Command("train", "Train the graph-attention model on a graph (held-out split for validation and test) and write a checkpoint.")
        {
            graph, output, epochs, seed, batch, lr, dim, history, historyLayers, propagation, friendPropagation, contentFilter, wholeHistoryDropout, negatives, patience, lrDecays, lrDecayFactor, weightAverage, friendWeight, loss, sharedNegatives, temperature, normalize, attentionDropout, historyDropout, l2, friendL2, friendStructure, friendValidation, miniBatch, fanOut, staleNegatives, quiet, baselines,
        };
        command.SetAction((parse, ct) =>
        {
            FanOut sampled;
            try
            {
                sampled = FanOut.Parse(parse.GetValue(fanOut)!);
            }
            catch (ArgumentException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"train: {e.Message}");
                return Task.FromResult(1);
            }
            var trainOptions = new TrainOptions
            {
                Epochs = parse.GetValue(epochs),
                Seed = parse.GetValue(seed),
                BatchSize = parse.GetValue(batch),
                LearningRate = parse.GetValue(lr),
                NegativeCandidates = parse.GetValue(negatives),
                Patience = parse.GetValue(patience),
                LearningRateDecays = parse.GetValue(lrDecays),
                LearningRateDecayFactor = parse.GetValue(lrDecayFactor),
                WeightAverage = parse.GetValue(weightAverage),
                FriendWeight = parse.GetValue(friendWeight),
                L2 = parse.GetValue(l2),
                FriendL2 = parse.GetValue(friendL2),
                Loss = parse.GetValue(loss),
                SharedNegatives = parse.GetValue(sharedNegatives),
                Temperature = parse.GetValue(temperature),
                Mode = parse.GetValue(miniBatch) ? TrainMode.MiniBatch : TrainMode.Full,
                FanOut = sampled,
                StaleNegatives = parse.GetValue(staleNegatives),
                FriendStructure = parse.GetValue(friendStructure),
                FriendValidationShare = parse.GetValue(friendValidation),
                ContentFilter = parse.GetValue(contentFilter),
                WholeHistoryDropout = parse.GetValue(wholeHistoryDropout),
            };
            var modelOptions = new ModelOptions
            {
                Dimension = parse.GetValue(dim),
                HistoryLength = parse.GetValue(history),
                HistoryLayers = parse.GetValue(historyLayers),
                PropagationLayers = parse.GetValue(propagation),
                FriendPropagationLayers = parse.GetValue(friendPropagation),
                Normalize = parse.GetValue(normalize),
                AttentionDropout = parse.GetValue(attentionDropout),
                HistoryDropout = parse.GetValue(historyDropout)
            };
            var log = parse.GetValue(quiet) ? TextWriter.Null : parse.InvocationConfiguration.Output;
            return Task.FromResult(Run(Path.GetFullPath(parse.GetValue(graph)!), parse.GetValue(output)!.FullName, new TrainingJob(modelOptions, trainOptions),
                parse.GetValue(baselines), parse.InvocationConfiguration.Output, log, parse.InvocationConfiguration.Error, ct));
        });
        return command;
    }

    /// <summary>Loads, trains, prints test metrics (and the baselines'), saves; returns the exit code (0 ok, 1 bad input).</summary>
    private static int Run(string graphFolder, string outFolder, TrainingJob job, bool baselines, TextWriter output, TextWriter log,
        TextWriter error, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var source = GraphFolder.Source(graphFolder);
            var full = source.LoadAsync(null, ct).GetAwaiter().GetResult();
            log.WriteLine($"loaded {source.Describe}: {full}");
            using var trained = job.Run(full, source.Describe, new TrainProgressPrinter(log), log, ct);
            var result = trained.Result;
            if (result.FriendFit is { } fit)
                log.WriteLine($"friend score: β = {fit.Weight:G4} for the Adamic-Adar term, fitted on {fit.Users} users' held-out friendships: " +
                    $"{MetricText.Format(fit.Metrics)} (embeddings alone: {MetricText.Format(fit.EmbeddingsOnly)})");
            foreach (var (task, metrics) in trained.Metadata.Test) output.WriteLine($"test {task}: {MetricText.Format(metrics)}");
            if (baselines) BaselineComparison.Print(full, trained.Split, trained.Train, job.Training.Seed, output);
            output.WriteLine($"best epoch {result.BestEpoch} of {result.Epochs.Count}, validation {MetricText.Format(result.Validation)}, {result.Seconds:F1} s");
            trained.Save(outFolder);
            output.WriteLine($"checkpoint written to {outFolder}");
            return JobSummary.Ok(output, "train", clock, ("checkpoint", outFolder), ("best_epoch", result.BestEpoch),
                ("epochs", result.Epochs.Count), ("validation", result.Validation));
        }
        catch (Exception e) when (e is GraphDataException or IOException or ArgumentException or InvalidDataException)
        {
            error.WriteLine($"train: {e.Message}");
            return JobSummary.Failed(output, "train", clock, e.Message);
        }
    }
}
