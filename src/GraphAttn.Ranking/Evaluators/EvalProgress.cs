namespace GraphAttn.Ranking.Evaluators;

/// <summary>Progress of one ranking pass.</summary>
/// <param name="Method">Method being evaluated.</param>
/// <param name="Done">Users ranked so far.</param>
/// <param name="Total">Users to rank.</param>
/// <param name="Elapsed">Time since the pass started.</param>
public readonly record struct EvalProgress(string Method, int Done, int Total, TimeSpan Elapsed)
{
    /// <summary>Estimated time left, extrapolated linearly; null before the first user is done.</summary>
    public TimeSpan? Eta => Done == 0 ? null : Elapsed * ((Total - Done) / (double)Done);
}
