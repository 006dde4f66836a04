using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Graph.Loading.RecBole;

namespace GraphAttn.Graph.Tests.Loading;

public sealed class RoundTripTests
{
    [Fact]
    public void GraphSeeds_ExportThenLoad_SameFingerprint()
    {
        var g = SmallGraphs.Social();
        using var f = new TempFolder();
        GraphSeedsWriter.Write(g, f.Path);
        var back = new CsvGraphSource(f.Path).Load();
        Assert.Equal(g.Fingerprint, back.Fingerprint);
        Assert.Equal(g.UserNames, back.UserNames); // names hold a comma and quotes: RFC 4180 quoting
    }

    [Fact]
    public void RecBole_ExportThenLoad_SameEdgesByIds()
    {
        var g = SmallGraphs.Social();
        using var f = new TempFolder();
        RecBoleAtomicWriter.Write(g, f.Path, "small");
        var back = new RecBoleAtomicSource(f.Path).Load();
        Assert.Equal(Interactions(g), Interactions(back));
        Assert.Equal(Edges(g.Following, g.Users, g.Users), Edges(back.Following, back.Users, back.Users));
        Assert.Equal(Edges(g.ContentTopics, g.Contents, g.Topics), Edges(back.ContentTopics, back.Contents, back.Topics));
        Assert.Equal(g.ContentTitles, back.ContentTitles);
    }

    private static List<string> Interactions(SocialGraph g)
    {
        var log = g.Interactions;
        var rows = new List<string>();
        for (var u = 0; u < g.UserCount; u++)
        {
            var r = log.Range(u);
            for (var i = r.Start.Value; i < r.End.Value; i++)
                rows.Add($"{g.Users[u]} {g.Contents[log.Content[i]]} {log.Kinds[i]} {log.Timestamps[i]} {log.Weights[i]}");
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static List<string> Edges(Csr csr, IdMap from, IdMap to)
    {
        var rows = new List<string>();
        for (var a = 0; a < csr.NodeCount; a++)
            foreach (var b in csr.Neighbors(a)) rows.Add($"{from[a]} {to[b]}");
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
