using GraphAttn.Contracts.V1;

namespace GraphAttn.Serving.Recommending;

/// <summary>A ranked candidate (content or user index) with its score and, when asked for, its reasons.</summary>
public sealed record Pick(int Index, float Score, IReadOnlyList<Reason> Reasons);
