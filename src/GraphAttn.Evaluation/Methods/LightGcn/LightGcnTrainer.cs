using System.Numerics.Tensors;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;
using GraphAttn.Ranking;
using GraphAttn.Ranking.Evaluators;

namespace GraphAttn.Evaluation.Methods.LightGcn;

/// <summary>
/// LightGCN (He et al., SIGIR 2020): layer-0 vectors E⁰ for every node, propagation without weights or
/// non-linearities Eᵏ⁺¹ = Â Eᵏ over the symmetric normalised adjacency, final vectors F = mean(E⁰..Eᴷ), score F_u · F_c.
/// Trained with BPR on (row, positive, uniform negative) triples, L2 on the batch's layer-0 vectors, and Adam; the
/// gradient of F flows back to E⁰ through the same layer mean (Â is symmetric). Every epoch visits each training pair
/// once; every <see cref="LightGcnOptions.ValidateEvery"/> epochs the held-out sample is ranked in full and training
/// stops after <see cref="LightGcnOptions.Patience"/> validations without a better Recall@20, keeping the best vectors.
/// Deterministic for a seed: sampling is sequential, and the parallel parts sum each row in a fixed order.
/// </summary>
internal static class LightGcnTrainer
{
    /// <summary>Trains and returns the final vectors F [N, D] (row-major) of the best validation.</summary>
    /// <param name="adjacency">Â over every node.</param>
    /// <param name="sample">Training pairs to fit (rows are nodes 0..R-1) and the held-out pairs to stop on.</param>
    /// <param name="columnOffset">Node index of column 0 (U for items after the users, 0 for users).</param>
    /// <param name="excludeSelf">True when columns are the rows themselves (friends): a row is never its own negative.</param>
    /// <param name="options">Hyper-parameters.</param>
    /// <param name="log">Receives one line per validation; optional.</param>
    public static float[] Train(NormalizedAdjacency adjacency, HeldOutSample sample, int columnOffset, bool excludeSelf,
        LightGcnOptions options, Action<string>? log = null)
    {
        options.Validate();
        var (n, d, fit) = (adjacency.NodeCount, options.Dimensions, sample.Fit);
        var random = new Random(options.Seed);
        var weights = Initial(n * d, options.InitScale, random);
        var (mean, gradient, back, scratchA, scratchB) =
            (new float[n * d], new float[n * d], new float[n * d], new float[n * d], new float[n * d]);
        var adam = new AdamUpdate(n * d, options.LearningRate);
        var rows = new int[fit.NonZeroCount];
        var columns = new int[fit.NonZeroCount];
        var at = 0;
        foreach (var (r, c) in fit.Pairs()) (rows[at], columns[at++]) = (r, c);
        var order = Enumerable.Range(0, rows.Length).ToArray();
        var validation = new RankingTask("validation", fit, sample.HeldOut, excludeSelf, fit.ColumnCounts());
        var (best, bestWeights, stale) = (double.NegativeInfinity, (float[])weights.Clone(), 0);
        var batch = new (int Row, int Positive, int Negative)[options.BatchSize];
        for (var epoch = 1; epoch <= options.MaxEpochs && rows.Length > 0; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var count = Math.Min(options.BatchSize, order.Length - start);
                for (var b = 0; b < count; b++)
                {
                    var p = order[start + b];
                    batch[b] = (rows[p], columnOffset + columns[p], columnOffset + Negative(fit, rows[p], excludeSelf, random));
                }
                adjacency.LayerMean(weights, d, options.Layers, mean, scratchA, scratchB);
                Array.Clear(gradient);
                BprGradient(mean, gradient, batch.AsSpan(0, count), d);
                adjacency.LayerMean(gradient, d, options.Layers, back, scratchA, scratchB);
                foreach (var (u, i, j) in batch.AsSpan(0, count))
                    foreach (var node in (ReadOnlySpan<int>)[u, i, j])
                        TensorPrimitives.MultiplyAdd(weights.AsSpan(node * d, d), options.L2 / count, back.AsSpan(node * d, d), back.AsSpan(node * d, d));
                adam.Step(weights, back);
            }
            if (epoch % options.ValidateEvery != 0 && epoch != options.MaxEpochs) continue;
            adjacency.LayerMean(weights, d, options.Layers, mean, scratchA, scratchB);
            var recall = Recall(mean, d, columnOffset, validation);
            log?.Invoke($"lightgcn epoch {epoch}: validation Recall@20 {recall:F4}");
            if (recall > best) (best, bestWeights, stale) = (recall, (float[])weights.Clone(), 0);
            else if (++stale >= options.Patience) break;
        }
        adjacency.LayerMean(bestWeights, d, options.Layers, mean, scratchA, scratchB);
        return mean;
    }

    /// <summary>Gradient of mean softplus(F_u·F_j − F_u·F_i) over the batch with respect to F, into <paramref name="gradient"/>.</summary>
    private static void BprGradient(float[] f, float[] gradient, ReadOnlySpan<(int Row, int Positive, int Negative)> batch, int d)
    {
        var scale = 1f / batch.Length;
        var difference = new float[d];
        foreach (var (u, i, j) in batch)
        {
            var fu = f.AsSpan(u * d, d);
            var fi = f.AsSpan(i * d, d);
            var fj = f.AsSpan(j * d, d);
            // The library's inner product, as when the published figures were made: training ranks nothing a caller sees.
            var x = TensorPrimitives.Dot(fu, fi) - TensorPrimitives.Dot(fu, fj);
            // d/dx softplus(-x) = -σ(-x): large while the pair is still ranked the wrong way.
            var g = scale / (1f + MathF.Exp(x));
            for (var k = 0; k < d; k++) difference[k] = fi[k] - fj[k];
            TensorPrimitives.MultiplyAdd(difference, -g, gradient.AsSpan(u * d, d), gradient.AsSpan(u * d, d));
            TensorPrimitives.MultiplyAdd(fu, -g, gradient.AsSpan(i * d, d), gradient.AsSpan(i * d, d));
            TensorPrimitives.MultiplyAdd(fu, g, gradient.AsSpan(j * d, d), gradient.AsSpan(j * d, d));
        }
    }

    /// <summary>A uniform column that is not a training positive of <paramref name="row"/> (given up after 20 tries).</summary>
    private static int Negative(SparseBinaryMatrix fit, int row, bool excludeSelf, Random random)
    {
        int c, tries = 0;
        do c = random.Next(fit.ColumnCount);
        while ((fit.Contains(row, c) || (excludeSelf && c == row)) && ++tries < 20);
        return c;
    }

    private static double Recall(float[] f, int d, int columnOffset, RankingTask task)
    {
        if (task.Truth.NonZeroCount == 0) return 0;
        var evaluator = new FullRankingEvaluator(new EvaluatorOptions { Ks = [20] });
        return evaluator.Evaluate("lightgcn", (row, scores) => Scores(f, d, columnOffset, row, scores), task).Metrics["Recall@20"];
    }

    /// <summary>F_row · F_(offset + c) for every column c.</summary>
    internal static void Scores(float[] f, int d, int columnOffset, int row, Span<float> scores)
    {
        var query = f.AsSpan(row * d, d);
        for (var c = 0; c < scores.Length; c++) scores[c] = VectorMath.Dot(query, f.AsSpan((columnOffset + c) * d, d));
    }

    private static float[] Initial(int length, float scale, Random random)
    {
        var w = new float[length];
        for (var i = 0; i < length; i += 2)
        {
            var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            var angle = 2 * Math.PI * random.NextDouble();
            w[i] = (float)(scale * radius * Math.Cos(angle));
            if (i + 1 < length) w[i + 1] = (float)(scale * radius * Math.Sin(angle));
        }
        return w;
    }
}
