namespace GraphAttn.Serving.Retrieval;

/// <summary>One retrieval result: the item's row in the catalogue and its score (dot product; higher is better).</summary>
/// <param name="Index">Row of the item in the indexed matrix.</param>
/// <param name="Score">Inner product of the query and the item vector.</param>
public readonly record struct ScoredItem(int Index, float Score);
