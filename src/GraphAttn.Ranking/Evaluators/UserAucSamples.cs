using GraphAttn.Ranking.Metrics;

namespace GraphAttn.Ranking.Evaluators;

/// <summary>
/// The scores one user gives its held-out edges (positives) and sampled non-edges (negatives); pooled over users
/// into one AUC. Sampling is seeded per user so results do not depend on thread scheduling.
/// </summary>
internal readonly record struct UserAucSamples(float[] Positives, float[] Negatives)
{
    private const int TriesPerSample = 50;

    public static UserAucSamples Sample(RankingTask task, int user, ReadOnlySpan<float> scores, int perPositive, int seed)
    {
        var known = task.AucNonEdges!;
        var truth = task.Truth.Row(user);
        var positives = new float[truth.Length];
        for (var i = 0; i < truth.Length; i++)
        {
            positives[i] = scores[truth[i]];
        }
        var rng = new Random(unchecked((seed * 1_000_003) + user));
        var negatives = new List<float>(truth.Length * perPositive);
        var wanted = truth.Length * perPositive;
        for (var tries = 0; negatives.Count < wanted && tries < wanted * TriesPerSample; tries++)
        {
            var c = rng.Next(task.CandidateCount);
            if (c == user || known.Contains(user, c) || task.Truth.Contains(user, c))
            {
                continue;
            }
            negatives.Add(scores[c]);
        }
        return new UserAucSamples(positives, [.. negatives]);
    }

    public static double Pool(UserAucSamples[] samples)
    {
        var pos = samples.Where(s => s.Positives is not null).SelectMany(s => s.Positives).ToArray();
        var neg = samples.Where(s => s.Negatives is not null).SelectMany(s => s.Negatives).ToArray();
        return neg.Length == 0 ? double.NaN : Auc.Compute(pos, neg);
    }
}
