using System.CommandLine;
using System.Globalization;
using GraphAttn.Cli.Eval;
using GraphAttn.Cli.Options;
using GraphAttn.Evaluation.Live;
using GraphAttn.Evaluation.Methods;
using GraphAttn.Evaluation.Reports;
using GraphAttn.Graph.Splits;

namespace GraphAttn.Cli.Commands;

/// <summary>
/// Builds the <c>eval</c> sub-command of the graphattn CLI:
/// <code>
/// graphattn eval DATASET [--format auto|seeds|lastfm|recbole] [--split random|temporal|SPLIT_FILE]
///   [--save-split FILE] [--seed 2026] [--methods all|pop,itemknn,...] [--k 10,20] [--out DIR]
///   [--fail-below [METHOD:]METRIC=VALUE ...] [--threads N] [--live ADDRESS] [--snapshot FILE] [--export-train DIR] [--on test|valid]
/// </code>
/// Prints the Markdown table to stdout and progress to stderr. Exit codes: 0 ok, 1 bad input or failure,
/// 2 a <c>--fail-below</c> gate did not hold.
/// </summary>
public static class EvalCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="catalog">Methods offered; default <see cref="MethodCatalog.Default"/>. The host adds the GAT
    /// model here.</param>
    /// <param name="liveClient">Makes a client for <c>--live ADDRESS</c>; default a <see cref="GrpcLiveRecommender"/>
    /// calling the server's RecommendationService at that address.</param>
    public static Command Create(MethodCatalog? catalog = null, Func<string, ILiveRecommender>? liveClient = null)
    {
        var dataset = new Argument<string>("dataset") { Description = "Dataset folder: graph-seeds CSV, HetRec Last.fm, or RecBole atomic files." };
        var format = CommonOptions.Format();
        var split = new Option<string>("--split") { Description = "random (8:1:1 per user), temporal (leave-last-out), or a saved split file.", DefaultValueFactory = _ => "random" };
        var saveSplit = new Option<string?>("--save-split") { Description = "Write the split used to this file for reuse." };
        var seed = new Option<int>("--seed") { Description = "Seed of the split, the methods and AUC sampling.", DefaultValueFactory = _ => SplitDefaults.Seed };
        var methods = new Option<string>("--methods") { Description = "Comma-separated method names, or 'all', 'content', 'friends'.", DefaultValueFactory = _ => "all" };
        var ks = new Option<string>("--k") { Description = "Comma-separated cut-offs.", DefaultValueFactory = _ => "10,20" };
        var output = new Option<string?>("--out") { Description = "Report folder: report.json, report.md, PNG plots." };
        var failBelow = new Option<string[]>("--fail-below") { Description = "[METHOD:]METRIC=VALUE; exit 2 when a result is lower.", AllowMultipleArgumentsPerToken = true };
        var threads = new Option<int>("--threads") { Description = "Users ranked in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var live = new Option<string?>("--live") { Description = "Also evaluate a running server at this gRPC address." };
        var snapshot = new Option<string?>("--snapshot") { Description = "Also evaluate an embedding snapshot (the model) embedded from --export-train's graph." };
        var on = new Option<string>("--on") { Description = "Score content on test (default) or valid items (for tuning).", DefaultValueFactory = _ => "test" };
        on.AcceptOnlyFromAmong("test", "valid");
        var exportTrain = new Option<string?>("--export-train") { Description = "Write the split's training graph as graph-seeds CSV here (to train and embed the model on)." };

        var command = new Command("eval", "Evaluate recommenders offline with full ranking (RecBole protocol), or a live server.");
        command.Arguments.Add(dataset);
        foreach (var o in new Option[] { format, split, saveSplit, seed, methods, ks, output, failBelow, threads, live, snapshot, exportTrain, on })
            command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var settings = new EvalSettings(
                    parse.GetValue(dataset)!, parse.GetValue(format)!, parse.GetValue(split)!, parse.GetValue(saveSplit),
                    parse.GetValue(seed), Names(parse.GetValue(methods)!), Cutoffs(parse.GetValue(ks)!), parse.GetValue(output),
                    [.. (parse.GetValue(failBelow) ?? []).Select(QualityGate.Parse)], parse.GetValue(threads), parse.GetValue(live),
                    parse.GetValue(snapshot), parse.GetValue(exportTrain), parse.GetValue(on) == "valid");
                var session = new EvalSession(
                    catalog ?? MethodCatalog.Default(), liveClient ?? (address => new GrpcLiveRecommender(address)), stdout, stderr);
                return await session.RunAsync(settings, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or IOException or Graph.GraphDataException or InvalidDataException
                or Serving.Snapshots.SnapshotFormatException)
            {
                await stderr.WriteLineAsync($"eval: {ex.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }

    private static string[] Names(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int[] Cutoffs(string text)
    {
        var parts = Names(text);
        var ks = parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) && k > 0
            ? k : throw new FormatException($"--k '{text}': cut-offs must be positive integers, e.g. 10,20")).Distinct().Order().ToArray();
        return ks.Length > 0 ? ks : throw new FormatException("--k needs at least one cut-off");
    }
}
