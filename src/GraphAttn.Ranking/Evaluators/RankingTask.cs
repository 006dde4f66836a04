using GraphAttn.Graph.Matrices;

namespace GraphAttn.Ranking.Evaluators;

/// <summary>
/// One full-ranking problem: for every user with held-out items, rank all candidates (columns of
/// <see cref="Truth"/>) except those in <see cref="Exclude"/> (and the user itself when <see cref="ExcludeSelf"/>).
/// </summary>
/// <param name="Name">Task name in reports: <c>content</c> or <c>friends</c>.</param>
/// <param name="Exclude">Per user, candidates never ranked: training (and, when testing, validation) items, or
/// existing friends.</param>
/// <param name="Truth">Per user, the held-out relevant candidates; users with none are skipped.</param>
/// <param name="ExcludeSelf">True for friend ranking, where candidates are users.</param>
/// <param name="Popularity">Training popularity per candidate, for AveragePopularity@K.</param>
/// <param name="AucNonEdges">When set, AUC is computed with non-edges sampled from candidates that are in neither
/// this matrix nor <see cref="Truth"/> for the user (usually all known edges); null = no AUC.</param>
public sealed record RankingTask(
    string Name,
    SparseBinaryMatrix Exclude,
    SparseBinaryMatrix Truth,
    bool ExcludeSelf,
    int[] Popularity,
    SparseBinaryMatrix? AucNonEdges = null)
{
    /// <summary>Number of candidates ranked for each user.</summary>
    public int CandidateCount => Truth.ColumnCount;

    /// <summary>Users that have at least one held-out item.</summary>
    public int[] EvaluatedUsers() =>
        [.. Enumerable.Range(0, Truth.RowCount).Where(u => Truth.RowLength(u) > 0)];
}
