using GraphAttn.Graph;
using GraphAttn.Graph.Algorithms;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Seeds.Tests.Support;

namespace GraphAttn.Seeds.Tests.Loading;

/// <summary>Generated folders as the service sees them, through the graph core's own CSV loader.</summary>
public sealed class GraphLoadTests(GeneratedGraphs graphs) : IClassFixture<GeneratedGraphs>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task LoadAsync_GeneratedFolder_CountsMatchSummary()
    {
        var graph = await new CsvGraphSource(graphs.Main.Path).LoadAsync(null, CancellationToken.None).WaitAsync(Timeout);
        var s = graphs.Summary;

        Assert.Equal(s.Users, graph.UserCount);
        Assert.Equal(s.Contents, graph.ContentCount);
        Assert.Equal(s.Topics, graph.TopicCount);
        Assert.Equal(s.Follows, graph.FollowCount);
        Assert.Equal(s.Interactions, graph.InteractionCount);
        Assert.Equal(s.Tagged, graph.ContentTopics.EdgeCount);
        Assert.DoesNotContain(-1, graph.ContentAuthor);
        Assert.All(Enumerable.Range(0, graph.UserCount), u => Assert.True(graph.Interactions.CountOf(u) >= 3));
    }

    [Fact]
    public async Task LoadAsync_CommittedDemo_CountsMatchPlantedSummary()
    {
        var demo = RepoPaths.Demo;
        var graph = await new CsvGraphSource(demo).LoadAsync(null, CancellationToken.None).WaitAsync(Timeout);
        var summary = CsvTable.Read(Path.Combine(demo, "planted", "summary.csv")).Rows.ToDictionary(r => r[0], r => r[1]);

        Assert.Equal(summary["users"], graph.UserCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(summary["contents"], graph.ContentCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(summary["follows.rows"], graph.FollowCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(summary["interactions.rows"], graph.InteractionCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task LabelPropagation_GeneratedFolder_RecoversPlantedCommunities()
    {
        var graph = await new CsvGraphSource(graphs.Main.Path).LoadAsync(null, CancellationToken.None).WaitAsync(Timeout);
        var found = LabelPropagation.Communities(Neighbourhood.Undirected(graph));
        var planted = new int[graph.UserCount];
        for (var u = 0; u < planted.Length; u++) planted[u] = graphs.Main.Communities[graph.Users[u]];

        // Purity: each found community votes for its most common planted one.
        var purity = found.Zip(planted).GroupBy(p => p.First).Sum(g => g.GroupBy(p => p.Second).Max(h => h.Count())) / (double)planted.Length;
        var largestPlanted = planted.GroupBy(c => c).Max(g => g.Count()) / (double)planted.Length;
        Assert.True(purity > 2 * largestPlanted, $"purity {purity:F3}, one-community baseline {largestPlanted:F3}, {found.Distinct().Count()} found");
    }
}
