using System.Text;

namespace GraphAttn.Tests.Shared.Bolt;

/// <summary>
/// Builds the stub-server script of a <see cref="Neo4j.Graph.Neo4jGraphSource"/> load: per stage, the keyset pages
/// (each a BEGIN/RUN/PULL.../COMMIT read transaction) with the rows Neo4j returns for that query, split into
/// PULL batches with has_more.
/// </summary>
internal static class QueryReplay
{
    public static string Script(SeedData d, int pageSize, int fetchSize, long since = long.MinValue)
    {
        var newContent = d.Contents.Where(c => c.CreatedAt > since).Select(c => c.Id).ToHashSet();
        var script = new StringBuilder(StubScripts.Login);
        Nodes(script, ["id", "name"], d.Users.Where(u => u.JoinedAt > since).Select(u => (u.Id, (object?)u.Name)), pageSize, fetchSize, since);
        Nodes(script, ["id", "title"], d.Contents.Where(c => c.CreatedAt > since).Select(c => (c.Id, (object?)c.Title)), pageSize, fetchSize, since);
        Nodes(script, ["id", "name"], d.Topics.Select(t => (t.Id, (object?)t.Name)), pageSize, fetchSize, since);
        Rels(script, ["from", "to", "since"], d.Users.Select(u => u.Id),
            d.Follows.Where(f => f.Since > since).Select(f => (f.From, new object?[] { f.To, f.Since })), pageSize, fetchSize, since);
        Rels(script, ["from", "to", "kind", "ts", "weight"], d.Users.Select(u => u.Id),
            d.Interactions.Where(x => x.Ts > since).Select(x => (x.User, new object?[] { x.Content, x.Kind, x.Ts, x.Weight })), pageSize, fetchSize, since);
        Rels(script, ["from", "to", "ts"], d.Users.Select(u => u.Id),
            d.Posted.Where(p => p.Ts > since).Select(p => (p.User, new object?[] { p.Content, p.Ts })), pageSize, fetchSize, since);
        Rels(script, ["from", "to", "unused"], newContent.Order(StringComparer.Ordinal),
            d.Tagged.Where(t => newContent.Contains(t.Content)).Select(t => (t.Content, new object?[] { t.Topic, null })), pageSize, fetchSize, since);
        return script.ToString();
    }

    private static void Nodes(StringBuilder script, string[] fields, IEnumerable<(string Id, object? Value)> nodes, int pageSize, int fetchSize, long since)
    {
        var anchors = nodes.OrderBy(n => n.Id, StringComparer.Ordinal).Select(n => (n.Id, Rows: new List<object?[]> { new object?[] { n.Id, n.Value } })).ToList();
        Pages(script, fields, anchors, pageSize, fetchSize, since);
    }

    private static void Rels(StringBuilder script, string[] fields, IEnumerable<string> anchorIds,
        IEnumerable<(string From, object?[] Tail)> rels, int pageSize, int fetchSize, long since)
    {
        var byAnchor = rels.ToLookup(r => r.From);
        var anchors = anchorIds.Order(StringComparer.Ordinal).Select(id => (id, Rows: byAnchor[id].Any()
            ? byAnchor[id].Select(r => r.Tail.Prepend(id).ToArray()).ToList()
            : [new object?[fields.Length].Select((_, i) => i == 0 ? id : null).ToArray()])).ToList();
        Pages(script, fields, anchors, pageSize, fetchSize, since);
    }

    private static void Pages(StringBuilder script, string[] fields, List<(string Id, List<object?[]> Rows)> anchors,
        int pageSize, int fetchSize, long since)
    {
        var after = "";
        for (var start = 0; ; start += pageSize)
        {
            var page = anchors.Skip(start).Take(pageSize).ToList();
            var rows = page.SelectMany(a => a.Rows).ToList();
            script.AppendLine("C: BEGIN {\"mode\":\"r\"}").AppendLine("S: SUCCESS {}");
            script.AppendLine($"C: RUN * {ScriptJson.Render(new Dictionary<string, object?> { ["after"] = after, ["limit"] = (long)pageSize, ["since"] = since })} {{}}");
            script.AppendLine($"C: PULL {{\"n\":{fetchSize}}}");
            script.AppendLine($"S: SUCCESS {{\"fields\":{ScriptJson.Render(fields)}}}");
            for (var b = 0; b < rows.Count; b += fetchSize)
            {
                foreach (var row in rows.Skip(b).Take(fetchSize))
                {
                    script.AppendLine("S: RECORD " + ScriptJson.Render(row));
                }

                if (b + fetchSize < rows.Count)
                {
                    script.AppendLine("S: SUCCESS {\"has_more\":true}").AppendLine($"C: PULL {{\"n\":{fetchSize}}}");
                }
            }

            script.AppendLine("S: SUCCESS {\"type\":\"r\"}").AppendLine("C: COMMIT").AppendLine("S: SUCCESS {}");
            if (page.Count < pageSize)
            {
                return;
            }

            after = page[^1].Id;
        }
    }
}
