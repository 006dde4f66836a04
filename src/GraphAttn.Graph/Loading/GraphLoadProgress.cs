namespace GraphAttn.Graph;

/// <summary>A progress tick from a graph source.</summary>
/// <param name="Stage">What is being read, e.g. "interactions.csv".</param>
/// <param name="Rows">Rows read so far in this stage.</param>
/// <param name="Done">True on the last tick of a stage.</param>
public readonly record struct GraphLoadProgress(string Stage, long Rows, bool Done);
