using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;
using GraphAttn.Ranking;

namespace GraphAttn.Evaluation.Methods.Content;

/// <summary>
/// Matrix factorisation trained with Bayesian Personalised Ranking (Rendle et al., UAI 2009) by plain SGD:
/// for a training pair (u, i) and an item j that u has not seen, maximise <c>ln σ(p_u·q_i − p_u·q_j)</c>.
/// <c>score(u, i) = p_u·q_i</c>. Single-threaded so that a seed gives the same model every run.
/// Shapes: P [users, d], Q [items, d], row-major float arrays.
/// </summary>
public sealed class BprScorer : IContentScorer
{
    private readonly float[] _p;
    private readonly float[] _q;
    private readonly int _d;

    /// <summary>Trains the factorisation on <paramref name="train"/>.</summary>
    public BprScorer(SparseBinaryMatrix train, BprOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        var o = options ?? new BprOptions();
        _d = o.Dimensions;
        var rng = new Random(o.Seed);
        _p = Init(train.RowCount * _d, o.InitScale, rng);
        _q = Init(train.ColumnCount * _d, o.InitScale, rng);
        var pairs = train.Pairs().ToArray();
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            rng.Shuffle(pairs);
            foreach (var (u, i) in pairs)
            {
                int j;
                do { j = rng.Next(train.ColumnCount); } while (train.Contains(u, j));
                Step(u, i, j, o.LearningRate, o.Regularization);
            }
        }
    }

    /// <inheritdoc />
    public string Name => "BPR";

    /// <inheritdoc />
    public void ScoreContent(int user, Span<float> scores)
    {
        var p = _p.AsSpan(user * _d, _d);
        for (var i = 0; i < scores.Length; i++) scores[i] = Dot(p, _q.AsSpan(i * _d, _d));
    }

    private void Step(int u, int i, int j, float lr, float reg)
    {
        var p = _p.AsSpan(u * _d, _d);
        var qi = _q.AsSpan(i * _d, _d);
        var qj = _q.AsSpan(j * _d, _d);
        var x = Dot(p, qi) - Dot(p, qj);
        // d/dx ln σ(x) = σ(−x): large when the pair is still ranked wrongly.
        var g = 1f / (1f + MathF.Exp(x));
        BprStep.Update(p, qi, qj, g, lr, reg);
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => VectorMath.Dot(a, b);

    private static float[] Init(int n, float scale, Random rng)
    {
        var w = new float[n];
        for (var k = 0; k < n; k++) w[k] = (float)(rng.NextDouble() * 2 - 1) * scale * 1.7320508f; // uniform, std = scale
        return w;
    }
}
