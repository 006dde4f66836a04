namespace GraphAttn.Ranking;

/// <summary>A ranked candidate: its index (a catalogue row, content or user) and its score; higher is better.</summary>
/// <param name="Index">Index of the candidate.</param>
/// <param name="Score">Its score, e.g. the inner product of a query and the candidate's vector.</param>
public readonly record struct ScoredIndex(int Index, float Score);
