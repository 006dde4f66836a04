using GraphAttn.Graph.Baselines;
using GraphAttn.Model.Scoring;

namespace GraphAttn.Model.Training;

/// <summary>The fitted weight of the content score's graph filter term and what it scored on held-out interactions.</summary>
/// <param name="Weight">γ chosen (0: the term did not help).</param>
/// <param name="Metrics">Held-out content metrics at <paramref name="Weight"/>.</param>
/// <param name="EmbeddingsOnly">The same metrics at γ = 0.</param>
public sealed record ContentFilterFitResult(float Weight, IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, double> EmbeddingsOnly);

/// <summary>
/// Fits γ of the content score's graph filter term (<see cref="ContentFilterTerm"/>) after training, as
/// <see cref="FriendStructureFit"/> fits β: the validation interactions are ranked in full with user · content + γ · s_GF
/// for γ = 0 and every grid value, and the best NDCG@20 wins (the smaller γ on ties). The grid is relative: powers of two
/// from 2^-6 to 2^6 times the ratio of the two scores' spreads over a sample of users, since a dot product of unscaled
/// vectors and the filter's normalised co-occurrence live on unrelated scales.
/// </summary>
public static class ContentFilterFit
{
    /// <summary>Multiples of the spread ratio tried besides 0.</summary>
    public static readonly float[] Grid = [.. Enumerable.Range(-6, 13).Select(e => MathF.Pow(2, e))];

    /// <summary>Fits γ for <paramref name="embeddings"/> with <paramref name="filter"/> over the same graph.</summary>
    /// <param name="embeddings">Vectors of the graph the filter was built on (held-out interactions not in it).</param>
    /// <param name="filter">The filter of that graph's user × content matrix.</param>
    /// <param name="validator">Ranks the held-out interactions.</param>
    /// <returns>Null when there is nothing to rank.</returns>
    public static ContentFilterFitResult? Fit(ModelEmbeddings embeddings, GraphFilter filter, Validator validator)
    {
        if (!validator.HasWork) return null;
        var embeddingsOnly = validator.Evaluate(new ModelScorer(embeddings));
        var ratio = SpreadRatio(embeddings, filter);
        var (bestWeight, best) = (0f, embeddingsOnly);
        foreach (var multiple in Grid)
        {
            var weight = multiple * ratio;
            var metrics = validator.Evaluate(new ModelScorer(embeddings, contentFilter: new ContentFilterTerm(filter, weight)));
            if (metrics[Validator.Metric] > best[Validator.Metric]) (bestWeight, best) = (weight, metrics);
        }
        return new ContentFilterFitResult(bestWeight, best, embeddingsOnly);
    }

    /// <summary>Standard deviation of the model's content scores over that of the filter's, over up to 64 users.</summary>
    private static float SpreadRatio(ModelEmbeddings embeddings, GraphFilter filter)
    {
        var scorer = new ModelScorer(embeddings);
        var (model, filtered) = (new float[embeddings.ContentCount], new float[embeddings.ContentCount]);
        double modelSpread = 0, filterSpread = 0;
        var step = Math.Max(1, embeddings.UserCount / 64);
        for (var u = 0; u < embeddings.UserCount; u += step)
        {
            scorer.ScoreContent(u, model);
            filter.Score(u, filtered);
            modelSpread += Spread(model);
            filterSpread += Spread(filtered);
        }
        return filterSpread > 0 && modelSpread > 0 ? (float)(modelSpread / filterSpread) : 1f;
    }

    private static double Spread(float[] values)
    {
        double mean = 0, squares = 0;
        foreach (var v in values) mean += v;
        mean /= values.Length;
        foreach (var v in values) squares += (v - mean) * (v - mean);
        return Math.Sqrt(squares / values.Length);
    }
}
