namespace GraphAttn.Ranking.Evaluators;

/// <summary>
/// Scores every candidate for one user (higher = better) into <paramref name="scores"/>, whose length is the
/// candidate count. Called concurrently from several threads for different users.
/// </summary>
public delegate void ScoreFunction(int user, Span<float> scores);
