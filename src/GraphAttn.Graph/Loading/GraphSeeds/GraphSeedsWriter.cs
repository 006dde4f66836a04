using System.Globalization;

namespace GraphAttn.Graph.Loading.GraphSeeds;

/// <summary>
/// Writes any <see cref="SocialGraph"/> as a graph-seeds folder (neo4j-admin import headers, see
/// <see cref="SeedFiles"/>) that <see cref="CsvGraphSource"/> loads back into a graph with the same fingerprint.
/// The graph keeps no join / creation / follow / post times, so those columns are written as 0.
/// </summary>
public static class GraphSeedsWriter
{
    /// <summary>Writes the seven seed files into <paramref name="folder"/> (created if missing; files overwritten).</summary>
    public static void Write(SocialGraph g, string folder)
    {
        ArgumentNullException.ThrowIfNull(g);
        Directory.CreateDirectory(folder);
        using (var w = Open(folder, SeedFiles.Users, "userId:ID(User)", "name", "joinedAt:long"))
            for (var u = 0; u < g.UserCount; u++) w.Row(g.Users[u], g.UserNames[u], "0");
        using (var w = Open(folder, SeedFiles.Contents, "contentId:ID(Content)", "title", "createdAt:long"))
            for (var c = 0; c < g.ContentCount; c++) w.Row(g.Contents[c], g.ContentTitles[c], "0");
        using (var w = Open(folder, SeedFiles.Topics, "topicId:ID(Topic)", "name"))
            for (var t = 0; t < g.TopicCount; t++) w.Row(g.Topics[t], g.TopicNames[t]);
        using (var w = Open(folder, SeedFiles.Follows, ":START_ID(User)", ":END_ID(User)", "since:long"))
            for (var u = 0; u < g.UserCount; u++)
                foreach (var v in g.Following.Neighbors(u)) w.Row(g.Users[u], g.Users[v], "0");
        using (var w = Open(folder, SeedFiles.Interactions, ":START_ID(User)", ":END_ID(Content)", "kind", "ts:long", "weight:float"))
        {
            var log = g.Interactions;
            for (var u = 0; u < g.UserCount; u++)
            {
                var range = log.Range(u);
                for (var i = range.Start.Value; i < range.End.Value; i++)
                    w.Row(g.Users[u], g.Contents[log.Content[i]], log.Kinds[i].ToCsv(),
                        log.Timestamps[i].ToString(CultureInfo.InvariantCulture), log.Weights[i].ToString("R", CultureInfo.InvariantCulture));
            }
        }
        using (var w = Open(folder, SeedFiles.Posted, ":START_ID(User)", ":END_ID(Content)", "ts:long"))
            for (var c = 0; c < g.ContentCount; c++)
                if (g.ContentAuthor[c] >= 0) w.Row(g.Users[g.ContentAuthor[c]], g.Contents[c], "0");
        using (var w = Open(folder, SeedFiles.Tagged, ":START_ID(Content)", ":END_ID(Topic)"))
            for (var c = 0; c < g.ContentCount; c++)
                foreach (var t in g.ContentTopics.Neighbors(c)) w.Row(g.Contents[c], g.Topics[t]);
    }

    private static DelimitedRowWriter Open(string folder, string name, params string[] header)
    {
        var w = new DelimitedRowWriter(Path.Combine(folder, name));
        w.Row(header);
        return w;
    }
}
