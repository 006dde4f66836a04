namespace GraphAttn.Seeds;

/// <summary>Progress of one generation stage: <paramref name="Done"/> of <paramref name="Total"/> units.</summary>
/// <param name="Stage">Short stage name, e.g. "follows" or "write interactions.csv".</param>
/// <param name="Done">Units finished so far.</param>
/// <param name="Total">Units in the stage.</param>
public readonly record struct SeedProgress(string Stage, long Done, long Total);
