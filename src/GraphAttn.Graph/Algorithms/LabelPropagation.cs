namespace GraphAttn.Graph.Algorithms;

/// <summary>
/// Community detection by synchronous-free (asynchronous) label propagation over the undirected follow graph:
/// each user repeatedly adopts the label most common among their neighbours. Deterministic for a seed: the visiting
/// order is a seeded shuffle and ties go to the smallest label. QuikGraph offers components but no
/// modularity-style communities, hence this small routine. Near-linear per sweep.
/// </summary>
public static class LabelPropagation
{
    /// <summary>Community label per user, renumbered densely from 0 by decreasing community size.</summary>
    public static int[] Communities(Csr undirected, int seed = 7, int maxSweeps = 20)
    {
        var n = undirected.NodeCount;
        var labels = new int[n];
        for (var i = 0; i < n; i++) labels[i] = i;
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        var votes = new Dictionary<int, int>();

        for (var sweep = 0; sweep < maxSweeps; sweep++)
        {
            var changed = 0;
            foreach (var u in order)
            {
                var neighbours = undirected.Neighbors(u);
                if (neighbours.IsEmpty) continue;
                votes.Clear();
                foreach (var v in neighbours) votes[labels[v]] = votes.GetValueOrDefault(labels[v]) + 1;
                int best = labels[u], bestVotes = votes.GetValueOrDefault(best);
                foreach (var (label, count) in votes)
                    if (count > bestVotes || (count == bestVotes && label < best)) { best = label; bestVotes = count; }
                if (best != labels[u]) { labels[u] = best; changed++; }
            }
            if (changed == 0) break;
        }
        return Renumber(labels);
    }

    private static int[] Renumber(int[] labels)
    {
        var sizes = labels.GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select((g, rank) => (g.Key, rank)).ToDictionary(x => x.Key, x => x.rank);
        return labels.Select(l => sizes[l]).ToArray();
    }
}
