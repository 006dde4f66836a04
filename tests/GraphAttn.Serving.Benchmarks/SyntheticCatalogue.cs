using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Benchmarks;

/// <summary>
/// Seeded synthetic embeddings: Gaussian blobs around random unit centres (trained embeddings cluster by community and
/// topic) or, with zero clusters, i.i.d. Gaussian vectors (the hard case for any graph index).
/// </summary>
internal static class SyntheticCatalogue
{
    public static EmbeddingMatrix Create(int rows, int dims, int clusters, float spread, int seed) =>
        new(Generate(rows, dims, clusters, spread, seed, seed + 1), rows, dims);

    public static float[][] Queries(int count, int dims, int clusters, float spread, int seed)
    {
        float[] data = Generate(count, dims, clusters, spread, seed, seed + 2);
        return Enumerable.Range(0, count).Select(q => data.AsSpan(q * dims, dims).ToArray()).ToArray();
    }

    private static float[] Generate(int rows, int dims, int clusters, float spread, int centreSeed, int seed)
    {
        float[][] centres = Centres(clusters, dims, centreSeed);
        var data = new float[(long)rows * dims];
        int chunks = Environment.ProcessorCount * 4;
        Parallel.For(0, chunks, chunk =>
        {
            var random = new Random(seed * 7919 + chunk);
            for (long r = chunk; r < rows; r += chunks)
            {
                float[]? centre = clusters > 0 ? centres[random.Next(clusters)] : null;
                for (int d = 0; d < dims; d++)
                {
                    data[r * dims + d] = centre is null ? Normal(random) : centre[d] + spread * Normal(random);
                }
            }
        });
        return data;
    }

    private static float[][] Centres(int clusters, int dims, int seed)
    {
        var random = new Random(seed);
        var centres = new float[clusters][];
        for (int c = 0; c < clusters; c++)
        {
            centres[c] = Enumerable.Range(0, dims).Select(_ => Normal(random)).ToArray();
            float norm = MathF.Sqrt(centres[c].Sum(x => x * x));
            for (int d = 0; d < dims; d++)
            {
                centres[c][d] /= norm;
            }
        }

        return centres;
    }

    private static float Normal(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
