using GraphAttn.Graph;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Seeds.Inspection;
using GraphAttn.Seeds.Tests.Support;

namespace GraphAttn.Seeds.Tests.Inspection;

/// <summary>The meter agrees with the tests' own computations on the raw files, and rejects broken planted files.</summary>
public sealed class PlantedSignalMeterTests(GeneratedGraphs graphs) : IClassFixture<GeneratedGraphs>
{
    [Fact]
    public void Measure_GeneratedFolder_AgreesWithDirectComputation()
    {
        var graph = new CsvGraphSource(graphs.Main.Path).Load();
        var signals = PlantedSignalMeter.Measure(graph, PlantedTruth.Read(graphs.Main.Path, graph));
        var g = graphs.Main;

        var within = g.Follows.Rows.Count(r => g.Communities[r[0]] == g.Communities[r[1]]) / (double)g.Follows.Rows.Count;
        var match = g.Interactions.Rows.Count(r => g.ContentTopics[r[1]].Any(g.Interests[r[0]].ContainsKey)) / (double)g.Interactions.Rows.Count;
        Assert.Equal(within, signals.WithinCommunityFollows, 9);
        Assert.Equal(match, signals.InterestMatch, 9);
        // The meter needs a strictly earlier time, the direct count an earlier row: equal up to timestamp ties.
        Assert.Equal(g.FolloweeEarlierShare(), signals.FolloweeEarlier, 2);
        Assert.True(signals.InterestMatchOtherUser < signals.InterestMatch);
        Assert.InRange(signals.WithinCommunityRandom, 1.0 / GeneratedGraphs.Options.Communities, 1.0);
    }

    [Fact]
    public void Measure_NoSocialTwin_LowerFolloweeEarlierShare()
    {
        var with = Signals(graphs.Main.Path);
        var without = Signals(graphs.NoSocial.Path);
        Assert.True(with.FolloweeEarlier > without.FolloweeEarlier + 0.1, $"{with.FolloweeEarlier:F3} vs {without.FolloweeEarlier:F3}");
    }

    [Fact]
    public void Read_MissingPlantedFolder_ThrowsNamingFile()
    {
        using var folder = new TempFolder();
        new SeedGenerator(new SeedOptions { Users = 50, Communities = 2 }).Generate(folder.Path);
        Directory.Delete(Path.Combine(folder.Path, "planted"), recursive: true);
        var graph = new CsvGraphSource(folder.Path).Load();

        var error = Assert.Throws<GraphDataException>(() => PlantedTruth.Read(folder.Path, graph));
        Assert.EndsWith("communities.csv", error.File);
    }

    [Fact]
    public void Read_UnknownUser_ThrowsWithLine()
    {
        using var folder = new TempFolder();
        new SeedGenerator(new SeedOptions { Users = 50, Communities = 2 }).Generate(folder.Path);
        var path = Path.Combine(folder.Path, "planted", "user_interests.csv");
        File.AppendAllText(path, "u999999,t001,0.5\n");
        var lines = File.ReadAllLines(path).Length;
        var graph = new CsvGraphSource(folder.Path).Load();

        var error = Assert.Throws<GraphDataException>(() => PlantedTruth.Read(folder.Path, graph));
        Assert.Equal(lines, error.Line);
        Assert.Contains("u999999", error.Problem, StringComparison.Ordinal);
    }

    private static PlantedSignals Signals(string folder)
    {
        var graph = new CsvGraphSource(folder).Load();
        return PlantedSignalMeter.Measure(graph, PlantedTruth.Read(folder, graph));
    }
}
