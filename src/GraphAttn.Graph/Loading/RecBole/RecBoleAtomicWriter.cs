using System.Globalization;

namespace GraphAttn.Graph.Loading.RecBole;

/// <summary>
/// Writes any <see cref="SocialGraph"/> as RecBole atomic files named after the dataset:
/// <c>{name}.inter</c> (<c>user_id:token item_id:token weight:float timestamp:float kind:token</c>, timestamp in
/// seconds), <c>{name}.user</c> (<c>user_id:token name:token_seq</c>), <c>{name}.item</c>
/// (<c>item_id:token title:token_seq topics:token_seq</c>, topic ids separated by spaces) and RecBole-GNN's
/// <c>{name}.net</c> (<c>source_id:token target_id:token</c>, one row per follow). Topic names are not part of the
/// format, so a round trip names each topic by its id.
/// </summary>
public static class RecBoleAtomicWriter
{
    /// <summary>Writes the four files into <paramref name="folder"/> (created if missing).</summary>
    /// <param name="g">The graph.</param>
    /// <param name="folder">Target folder.</param>
    /// <param name="name">Dataset name, the files' base name; default "graphattn".</param>
    /// <exception cref="ArgumentException">When a topic id holds a space (it would split in a token_seq).</exception>
    public static void Write(SocialGraph g, string folder, string name = "graphattn")
    {
        ArgumentNullException.ThrowIfNull(g);
        Directory.CreateDirectory(folder);
        var bad = g.Topics.Ids.FirstOrDefault(t => t.Contains(' ', StringComparison.Ordinal));
        if (bad is not null) throw new ArgumentException($"Topic id '{bad}' holds a space; RecBole token_seq fields split on spaces.", nameof(g));
        using (var w = Open(folder, name + ".inter", "user_id:token", "item_id:token", "weight:float", "timestamp:float", "kind:token"))
        {
            var log = g.Interactions;
            for (var u = 0; u < g.UserCount; u++)
            {
                var range = log.Range(u);
                for (var i = range.Start.Value; i < range.End.Value; i++)
                    w.Row(g.Users[u], g.Contents[log.Content[i]], log.Weights[i].ToString("R", CultureInfo.InvariantCulture),
                        Seconds(log.Timestamps[i]), log.Kinds[i].ToCsv());
            }
        }
        using (var w = Open(folder, name + ".user", "user_id:token", "name:token_seq"))
            for (var u = 0; u < g.UserCount; u++) w.Row(g.Users[u], g.UserNames[u]);
        using (var w = Open(folder, name + ".item", "item_id:token", "title:token_seq", "topics:token_seq"))
            for (var c = 0; c < g.ContentCount; c++)
            {
                var topics = string.Join(' ', g.ContentTopics.Neighbors(c).ToArray().Select(t => g.Topics[t]));
                w.Row(g.Contents[c], g.ContentTitles[c], topics);
            }
        using (var w = Open(folder, name + ".net", "source_id:token", "target_id:token"))
            for (var u = 0; u < g.UserCount; u++)
                foreach (var v in g.Following.Neighbors(u)) w.Row(g.Users[u], g.Users[v]);
    }

    // Exact decimal seconds, so milliseconds survive the round trip.
    private static string Seconds(long ms) => (ms / 1000m).ToString(CultureInfo.InvariantCulture);

    private static DelimitedRowWriter Open(string folder, string file, params string[] header)
    {
        var w = new DelimitedRowWriter(Path.Combine(folder, file), '\t');
        w.Row(header);
        return w;
    }
}
