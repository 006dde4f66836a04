using System.Diagnostics;
using GraphAttn.Cli.Methods;
using GraphAttn.Cli.Output;
using GraphAttn.Evaluation;
using GraphAttn.Evaluation.Live;
using GraphAttn.Evaluation.Methods;
using GraphAttn.Evaluation.Reports;
using GraphAttn.Graph;
using GraphAttn.Graph.Loading;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Graph.Loading.LastFm;
using GraphAttn.Graph.Splits;
using GraphAttn.Ranking.Evaluators;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Cli.Eval;

/// <summary>One run of the eval command: load, split, evaluate, report, gate.</summary>
internal sealed class EvalSession(
    MethodCatalog catalog, Func<string, ILiveRecommender> liveClient, TextWriter stdout, TextWriter stderr)
{
    private static readonly TimeSpan LiveTimeout = TimeSpan.FromSeconds(30);

    public async Task<int> RunAsync(EvalSettings s, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var source = GraphFolder.Source(s.Dataset, s.Format);
        var graph = await source.LoadAsync(null, ct).ConfigureAwait(false);
        await stderr.WriteLineAsync($"loaded {source.Describe}: {graph} in {clock.Elapsed.TotalSeconds:F1} s").ConfigureAwait(false);
        if (source is LastFmSource lastFm) await stderr.WriteLineAsync($"skipped: {lastFm.Report}").ConfigureAwait(false);

        var split = MakeSplit(s, graph);
        if (s.SaveSplit is { } savePath) SplitFile.Save(savePath, split, graph);
        // How much of the held-out content training can speak for: the ceiling every method below shares.
        var part = s.OnValidation ? "validation" : "test";
        await stderr.WriteLineAsync($"{split.Description}; {SplitProfile.Of(graph, split, s.OnValidation).Describe(part)}").ConfigureAwait(false);
        var methods = s.Methods.ToList();
        if (s.ExportTrain is not null || s.Snapshot is not null)
        {
            var train = TrainGraph.Build(graph, split);
            if (s.ExportTrain is { } exportDir)
            {
                GraphSeedsWriter.Write(train, exportDir);
                await stderr.WriteLineAsync($"wrote training graph ({train}; fingerprint {train.Fingerprint}) to {exportDir}").ConfigureAwait(false);
            }
            if (s.Snapshot is { } snapshotPath)
            {
                var scorers = new SnapshotScorers(SnapshotReader.Read(snapshotPath), graph);
                scorers.CheckTrainedOn(train.Fingerprint);
                catalog.AddContent("snapshot", m => scorers.ContentFor(m.Train));
                catalog.AddFriend("snapshot-friends", m => scorers.Friends(m.TrainFriends));
                methods = [.. methods, "snapshot", "snapshot-friends"];
            }
        }
        if (s.Live is { } address)
        {
            if (s.Ks.Max() > GrpcLiveRecommender.MaxLimit)
                throw new ArgumentException($"--live needs every K <= {GrpcLiveRecommender.MaxLimit} (the service's limit).");
            var client = liveClient(address);
            catalog.AddContent("live", _ => new LiveContentScorer(client, graph, s.Ks.Max(), LiveTimeout));
            catalog.AddFriend("live-friends", _ => new LiveFriendScorer(client, graph, s.Ks.Max(), LiveTimeout));
            methods = [.. methods, "live", "live-friends"];
        }

        var options = new EvaluatorOptions { Ks = s.Ks, Threads = s.Threads, Seed = s.Seed };
        // Rewrite one line only on a real terminal; captured or redirected output gets a few plain lines.
        var progress = new ConsoleProgress(stderr, ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);
        EvalReport report;
        try
        {
            report = new EvaluationRunner(catalog, options)
                .Run(graph, split, source.Describe, methods, progress, stderr.WriteLine, ct, s.OnValidation);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is Grpc.Core.RpcException or InvalidDataException or TimeoutException))
        {
            // Scoring runs on pool threads; a failing live server surfaces here and becomes a one-line error.
            throw new IOException($"live server {s.Live}: {ex.InnerExceptions[0].Message}", ex);
        }
        var markdown = MarkdownReport.Render(report);
        await stdout.WriteAsync(markdown).ConfigureAwait(false);
        if (s.Out is { } folder) await WriteReportsAsync(report, markdown, folder, ct).ConfigureAwait(false);

        var failures = s.Gates.SelectMany(g => g.Check(report)).ToList();
        foreach (var f in failures) await stderr.WriteLineAsync($"quality gate failed: {f}").ConfigureAwait(false);
        await stderr.WriteLineAsync($"total {clock.Elapsed.TotalSeconds:F1} s").ConfigureAwait(false);
        return failures.Count == 0 ? 0 : 2;
    }

    private static DatasetSplit MakeSplit(EvalSettings s, SocialGraph graph) => s.Split.ToLowerInvariant() switch
    {
        "random" => DatasetSplitter.Split(graph, SplitKind.Random, s.Seed),
        "temporal" => DatasetSplitter.Split(graph, SplitKind.Temporal, s.Seed),
        _ when File.Exists(s.Split) => SplitFile.Load(s.Split, graph),
        _ => throw new ArgumentException($"--split '{s.Split}' is neither random, temporal nor an existing split file."),
    };

    private async Task WriteReportsAsync(EvalReport report, string markdown, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), JsonReport.ToJson(report), ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), markdown, ct).ConfigureAwait(false);
        var plots = PlotReport.Write(report, folder);
        await stderr.WriteLineAsync($"wrote report.json, report.md and {plots.Count} plots to {folder}").ConfigureAwait(false);
    }
}
