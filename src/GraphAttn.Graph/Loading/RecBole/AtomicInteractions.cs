namespace GraphAttn.Graph.Loading.RecBole;

/// <summary>The rows of a RecBole .inter file, parsed and validated.</summary>
internal sealed class AtomicInteractions(TabFile file)
{
    private readonly List<(string User, string Item, InteractionKind Kind, long TsMs, float Weight)> _rows = [];

    public int Count => _rows.Count;

    public void Read(AtomicNodes nodes, CancellationToken ct)
    {
        var h = AtomicHeader.Read(file);
        int user = h.Require(file, "user_id"), item = h.Require(file, "item_id");
        int weight = h.Find("weight", "rating"), time = h.Find("timestamp"), kind = h.Find("kind");
        foreach (var r in file.Rows(h.Count))
        {
            ct.ThrowIfCancellationRequested();
            if (r[user].Length == 0 || r[item].Length == 0) throw r.Error("user_id and item_id must not be empty");
            var w = weight >= 0 ? r.Double(weight, "weight") : 1.0;
            if (w < 0) throw r.Error($"column 'weight': {w} is negative");
            // RecBole timestamps are seconds (possibly fractional); the graph keeps epoch milliseconds.
            var ts = time >= 0 ? (long)Math.Round(r.Double(time, "timestamp") * 1000) : 0L;
            var k = InteractionKind.View;
            if (kind >= 0 && !InteractionKinds.TryParse(r[kind], out k))
                throw r.Error($"column 'kind': '{r[kind]}' is not one of view, like, comment, share, play");
            nodes.EnsureUser(r[user]);
            nodes.EnsureItem(r[item]);
            _rows.Add((r[user], r[item], k, ts, (float)w));
        }
    }

    public void AddTo(GraphBuilder b)
    {
        foreach (var (u, i, k, ts, w) in _rows) b.AddInteraction(u, i, k, ts, w);
    }
}
