using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GraphAttn.Graph;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Seeds.Inspection;

namespace GraphAttn.Cli.Commands;

/// <summary>
/// <c>seeds stats --dir DIR</c>: loads a generated folder through the service's CSV loader and prints each planted
/// signal next to its no-planting baseline.
/// </summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var dir = new Option<DirectoryInfo>("--dir", "-d") { Description = "A graph-seeds folder made by 'seeds generate'.", Required = true };
        var stats = new Command("stats", "Measure the planted structure of a generated graph-seeds folder.") { dir };
        stats.SetAction((parse, ct) => RunAsync(parse.GetValue(dir)!.FullName, parse.InvocationConfiguration, ct));
        return stats;
    }

    private static async Task<int> RunAsync(string folder, InvocationConfiguration console, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        SocialGraph graph;
        PlantedTruth truth;
        try
        {
            graph = await new CsvGraphSource(folder).LoadAsync(null, ct).ConfigureAwait(false);
            truth = PlantedTruth.Read(folder, graph);
        }
        catch (Exception e) when (e is GraphDataException or DirectoryNotFoundException)
        {
            await console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
        var loaded = clock.Elapsed.TotalSeconds;
        var s = PlantedSignalMeter.Measure(graph, truth);

        var o = console.Output;
        o.WriteLine(Line($"{folder}: {graph} (loaded in {loaded:F1} s, measured in {clock.Elapsed.TotalSeconds - loaded:F1} s)"));
        o.WriteLine(Line($"{"signal",-44} {"graph",8} {"baseline",9}  baseline is"));
        Row(o, "follows inside the follower's community", s.WithinCommunityFollows, s.WithinCommunityRandom, "random follows");
        Row(o, "interactions on a planted interest topic", s.InterestMatch, s.InterestMatchOtherUser, "another user's interests");
        Row(o, "interactions a followee made earlier", s.FolloweeEarlier, double.NaN, "run on a --social-influence 0 twin");
        Row(o, "follows received by the top 1% of users", s.TopPercentFollowShare, 0.01, "uniform");
        Row(o, "interactions on the top 1% of contents", s.TopPercentContentShare, 0.01, "uniform");
        return 0;
    }

    private static void Row(TextWriter o, string name, double value, double baseline, string note) =>
        o.WriteLine(Line($"{name,-44} {value,8:P1} {(double.IsNaN(baseline) ? "-" : baseline.ToString("P1", CultureInfo.InvariantCulture)),9}  {note}"));

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
