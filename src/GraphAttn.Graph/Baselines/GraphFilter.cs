using System.Buffers;
using System.Numerics;

namespace GraphAttn.Graph.Baselines;

/// <summary>
/// A training-free graph filter of the GF-CF family (Shen et al., CIKM 2021, "How Powerful is Graph Convolution for
/// Recommendation?"). With R the binary rows × columns matrix (users × items, or users × users for friendships) and
/// R̃ = D_r^{-1/2} R D_c^{-1/2} (D the row and column degrees), the score of row u over every column is
/// <code>s_u = r_u R̃ᵀ R̃  +  α · r_u D_c^{-1/2} V Vᵀ D_c^{1/2}</code>
/// where r_u is u's binary row and V [columns, k] holds the top-k right singular vectors of R̃ (the ideal low-pass
/// part, <see cref="GraphFilterOptions.LowPassRank"/>; off when k = 0).
/// <para>Sparse throughout: R̃ᵀR̃ is never formed (100k items would make it 40 GB dense). A row is scored as
/// (r_u R̃ᵀ) R̃, two sparse products: a walk from u to its columns, to the other rows that share them, to those rows'
/// columns, O(Σ over u's columns of their degree + Σ over the rows reached of their degree). Thread-safe.</para>
/// Shapes: rows CSR [R → C], columns CSR [C → R] (its transpose), V [C, k] row-major.
/// </summary>
public sealed class GraphFilter
{
    private readonly Csr rows;
    private readonly Csr columns;
    private readonly float[] rowScale;
    private readonly float[] columnScale;
    private readonly LowPassBasis? lowPass;
    private readonly float lowPassWeight;

    /// <summary>Prepares the filter of the binary matrix <paramref name="rows"/> (and, with a rank, its low-pass basis).</summary>
    /// <param name="rows">Row → columns, distinct and sorted (<see cref="Csr"/> guarantees it).</param>
    /// <param name="columnCount">Number of columns C.</param>
    /// <param name="options">Low-pass settings; default: the linear filter alone.</param>
    public GraphFilter(Csr rows, int columnCount, GraphFilterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var o = options ?? new GraphFilterOptions();
        o.Validate();
        this.rows = rows;
        columns = rows.Transpose(columnCount);
        rowScale = InverseRoots(rows);
        columnScale = InverseRoots(columns);
        lowPassWeight = o.LowPassWeight;
        if (o.LowPassRank > 0 && rows.EdgeCount > 0)
            lowPass = LowPassBasis.Compute(rows, columns, rowScale, columnScale, o.LowPassRank, o.Oversampling, o.PowerIterations, o.Seed);
    }

    /// <summary>Number of rows R.</summary>
    public int RowCount => rows.NodeCount;

    /// <summary>Number of columns C.</summary>
    public int ColumnCount => columns.NodeCount;

    /// <summary>Rows holding column <paramref name="column"/> (an item's distinct users).</summary>
    public int ColumnDegree(int column) => columns.Degree(column);

    /// <summary>Non-zero entries of the matrix (distinct user × item pairs).</summary>
    public int EntryCount => rows.EdgeCount;

    /// <summary>Row <paramref name="row"/>'s columns (a user's distinct items), sorted.</summary>
    public ReadOnlySpan<int> RowColumns(int row) => rows.Neighbors(row);

    /// <summary>Column <paramref name="column"/>'s rows (an item's distinct users), sorted.</summary>
    public ReadOnlySpan<int> ColumnRows(int column) => columns.Neighbors(column);

    /// <summary>Columns row <paramref name="row"/> holds.</summary>
    public int RowDegree(int row) => rows.Degree(row);

    /// <summary>d_j^{-1/2} of column <paramref name="column"/> (0 when no row holds it).</summary>
    public float ColumnScale(int column) => columnScale[column];

    /// <summary>The low-pass basis, or null for the linear filter alone.</summary>
    public LowPassBasis? LowPass => lowPass;

    /// <summary>Writes s_u over every column into <paramref name="scores"/> (length C; overwritten).</summary>
    /// <exception cref="ArgumentException"><paramref name="scores"/> has the wrong length.</exception>
    public void Score(int row, Span<float> scores)
    {
        if (scores.Length != ColumnCount)
            throw new ArgumentException($"scores has length {scores.Length}, expected {ColumnCount}", nameof(scores));
        scores.Clear();
        var reached = ArrayPool<float>.Shared.Rent(RowCount);
        var visited = ArrayPool<int>.Shared.Rent(RowCount);
        try
        {
            reached.AsSpan(0, RowCount).Clear(); // a rented array holds whatever its last renter left
            var n = SharedRows(row, reached, visited);
            // s_j = d_j^{-1/2} Σ_v t_v d_v^{-1/2} over the rows v reached that hold column j; t_v carries the other
            // d_v^{-1/2}.
            for (var k = 0; k < n; k++)
            {
                var v = visited[k];
                var weight = reached[v] * rowScale[v] * rowScale[v];
                reached[v] = 0f;
                foreach (var j in rows.Neighbors(v)) scores[j] += weight;
            }
            for (var j = 0; j < scores.Length; j++) scores[j] *= columnScale[j];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(visited);
            ArrayPool<float>.Shared.Return(reached);
        }
        if (lowPass is not null) AddLowPass(row, scores);
    }

    /// <summary>
    /// t = r_u R̃ᵀ over rows: t_v = d_v^{-1/2} Σ_{i ∈ N(u) ∩ N(v)} d_i^{-1/2}, left unscaled by d_v^{-1/2} in
    /// <paramref name="reached"/> (which must be zero on entry); returns how many
    /// rows were reached, listed in <paramref name="visited"/> in first-reached order. Every weight is positive, so a
    /// zero entry means "not reached yet".
    /// </summary>
    private int SharedRows(int row, float[] reached, int[] visited)
    {
        var n = 0;
        foreach (var i in rows.Neighbors(row))
        {
            var w = columnScale[i];
            foreach (var v in columns.Neighbors(i))
            {
                if (reached[v] == 0f) visited[n++] = v;
                reached[v] += w;
            }
        }
        return n;
    }

    /// <summary>s_j += α d_j^{1/2} V_j · (Σ_{i ∈ N(u)} d_i^{-1/2} V_i).</summary>
    private void AddLowPass(int row, Span<float> scores)
    {
        var basis = lowPass!;
        var k = basis.Rank;
        var a = new float[k];
        foreach (var i in rows.Neighbors(row))
        {
            var w = columnScale[i];
            var v = basis.Row(i);
            for (var f = 0; f < k; f++) a[f] += w * v[f];
        }
        for (var j = 0; j < scores.Length; j++)
        {
            var scale = columnScale[j];
            if (scale == 0f) continue; // a column no row holds has a zero basis row: nothing to add
            scores[j] += lowPassWeight / scale * Dot(basis.Row(j), a);
        }
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    /// <summary>d^{-1/2} per node of <paramref name="csr"/>; 0 for a node without edges (it contributes nothing).</summary>
    private static float[] InverseRoots(Csr csr)
    {
        var scale = new float[csr.NodeCount];
        for (var n = 0; n < scale.Length; n++)
        {
            var d = csr.Degree(n);
            scale[n] = d == 0 ? 0f : 1f / MathF.Sqrt(d);
        }
        return scale;
    }
}
