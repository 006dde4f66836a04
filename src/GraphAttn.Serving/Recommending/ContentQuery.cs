namespace GraphAttn.Serving.Recommending;

/// <summary>A validated content request in index space.</summary>
/// <param name="Limit">Items wanted (1..max).</param>
/// <param name="IncludeSeen">Allow items the user already interacted with.</param>
/// <param name="Topic">Topic index to filter on, or null for any.</param>
/// <param name="Explain">Attach reasons.</param>
public sealed record ContentQuery(int Limit, bool IncludeSeen, int? Topic, bool Explain);
