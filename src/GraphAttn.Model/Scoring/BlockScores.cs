using static TorchSharp.torch;

namespace GraphAttn.Model.Scoring;

/// <summary>
/// Dot products of many query rows against a whole vector table, a block of queries at a time, as one matrix product
/// per block (libtorch's GEMM) instead of one dot product per (query, row) pair. A block's scores are kept in managed
/// memory, at most about 64 MB of them. Shapes: queries [Q, D], table [N, D] row-major.
/// </summary>
internal sealed class BlockScores : IDisposable
{
    private const long BlockFloats = 16L << 20;
    private readonly float[] queries;
    private readonly Tensor table;
    private readonly int d, rows;

    public BlockScores(float[] queries, float[] table, int dimension)
    {
        (this.queries, d, rows) = (queries, dimension, table.Length / dimension);
        this.table = tensor(table, [rows, dimension]).DetachFromDisposeScope();
    }

    /// <summary>The given query rows in blocks, each with its [block, N] scores.</summary>
    public IEnumerable<Block> Blocks(int[] users)
    {
        var size = (int)Math.Clamp(BlockFloats / Math.Max(1, rows), 1, 4096);
        for (var start = 0; start < users.Length; start += size)
        {
            var members = users[start..Math.Min(users.Length, start + size)];
            var gathered = new float[members.Length * d];
            for (var i = 0; i < members.Length; i++) queries.AsSpan(members[i] * d, d).CopyTo(gathered.AsSpan(i * d));
            float[] scores;
            using (var scope = NewDisposeScope())
            {
                var product = tensor(gathered, [members.Length, d]).mm(table.t()); // [block, N]
                scores = rows == 0 ? [] : product.contiguous().data<float>().ToArray();
            }
            yield return new Block(members, scores, rows);
        }
    }

    public void Dispose() => table.Dispose();

    /// <summary>One block of query rows and their scores over every table row.</summary>
    internal sealed class Block(int[] users, float[] scores, int columns)
    {
        private readonly Dictionary<int, int> position = users.Select((u, i) => (u, i)).ToDictionary(p => p.u, p => p.i);

        /// <summary>The query rows (global indices) of this block.</summary>
        public int[] Users => users;

        /// <summary>Scores of query <paramref name="user"/> over every table row.</summary>
        public ReadOnlySpan<float> Row(int user) => scores.AsSpan(position[user] * columns, columns);
    }
}
