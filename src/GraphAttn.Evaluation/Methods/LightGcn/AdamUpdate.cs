namespace GraphAttn.Evaluation.Methods.LightGcn;

/// <summary>
/// Adam (Kingma and Ba, 2015; β1 0.9, β2 0.999, ε 1e-8) over one flat parameter array, dense: every parameter moves
/// every step, as in the PyTorch LightGCN (whose propagation gives most rows a gradient anyway). Chunks run in parallel;
/// each element's update depends only on itself, so the result does not depend on scheduling.
/// </summary>
internal sealed class AdamUpdate(int length, float learningRate)
{
    private const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;
    private const int Chunk = 1 << 16;
    private readonly float[] m = new float[length], v = new float[length];
    private int step;

    /// <summary>Moves <paramref name="parameters"/> against <paramref name="gradient"/>.</summary>
    public void Step(float[] parameters, float[] gradient)
    {
        step++;
        var correction1 = 1 - MathF.Pow(Beta1, step);
        var correction2 = 1 - MathF.Pow(Beta2, step);
        var size = learningRate / correction1;
        var chunks = (parameters.Length + Chunk - 1) / Chunk;
        Parallel.For(0, chunks, c =>
        {
            var end = Math.Min(parameters.Length, (c + 1) * Chunk);
            for (var i = c * Chunk; i < end; i++)
            {
                var g = gradient[i];
                m[i] = Beta1 * m[i] + (1 - Beta1) * g;
                v[i] = Beta2 * v[i] + (1 - Beta2) * g * g;
                parameters[i] -= size * m[i] / (MathF.Sqrt(v[i] / correction2) + Epsilon);
            }
        });
    }
}
