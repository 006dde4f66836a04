using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Tests.Support;

/// <summary>
/// Gaussian blobs around random unit centres, like trained embeddings (which cluster by community and topic),
/// plus queries drawn near random centres. Seeded.
/// </summary>
internal static class ClusteredVectors
{
    public static EmbeddingMatrix Items(int rows, int dims, int clusters, float spread, int seed) =>
        new(Generate(rows, dims, Centres(clusters, dims, seed), spread, new Random(seed + 1)), rows, dims);

    public static float[][] Queries(int count, int dims, int clusters, float spread, int seed)
    {
        float[] data = Generate(count, dims, Centres(clusters, dims, seed), spread, new Random(seed + 2));
        return Enumerable.Range(0, count).Select(q => data.AsSpan(q * dims, dims).ToArray()).ToArray();
    }

    public static EmbeddingMatrix Gaussian(int rows, int dims, int seed)
    {
        var random = new Random(seed);
        return new EmbeddingMatrix(Enumerable.Range(0, rows * dims).Select(_ => Normal(random)).ToArray(), rows, dims);
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

    private static float[] Generate(int rows, int dims, float[][] centres, float spread, Random random)
    {
        var data = new float[rows * dims];
        for (int r = 0; r < rows; r++)
        {
            float[] centre = centres[random.Next(centres.Length)];
            for (int d = 0; d < dims; d++)
            {
                data[r * dims + d] = centre[d] + spread * Normal(random);
            }
        }

        return data;
    }

    private static float Normal(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
