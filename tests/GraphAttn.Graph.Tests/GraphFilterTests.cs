using GraphAttn.Graph.Baselines;

namespace GraphAttn.Graph.Tests;

public sealed class GraphFilterTests
{
    // u0 {i0, i1}, u1 {i1, i2}, u2 {i2}: user degrees 2, 2, 1; item degrees 1, 2, 2; R̃_vi = 1 / sqrt(d_v d_i).
    private static Csr ThreeByThree() => Csr.FromEdges(3, [0, 0, 1, 1, 2], [0, 1, 1, 2, 2]);

    [Fact]
    public void Score_ThreeByThree_MatchesHandComputation()
    {
        var filter = new GraphFilter(ThreeByThree(), 3);
        var scores = new float[3];
        // u2: t = r R̃ᵀ = (0, 1/2, 1/√2); s = t R̃ = (0, 1/2 · 1/2, 1/2 · 1/2 + 1/√2 · 1/√2) = (0, 1/4, 3/4).
        filter.Score(2, scores);
        Assert.Equal([0f, 0.25f, 0.75f], scores.Select(s => MathF.Round(s, 6)));
        // u0: t = (1/√2 + 1/2, 1/2, 0); s = (t0/√2, t0/2 + t1/2, t1/2) = (0.853553, 0.853553, 0.25).
        filter.Score(0, scores);
        Assert.Equal(0.853553f, scores[0], 5);
        Assert.Equal(0.853553f, scores[1], 5);
        Assert.Equal(0.25f, scores[2], 6);
    }

    [Fact]
    public void Score_RandomMatrix_EqualsDenseProduct()
    {
        var (csr, dense, rows, columns) = RandomMatrix(seed: 4, rows: 30, columns: 25, density: 0.15);
        var filter = new GraphFilter(csr, columns);
        var normalised = Normalise(dense, rows, columns);
        var scores = new float[columns];
        for (var u = 0; u < rows; u++)
        {
            filter.Score(u, scores);
            for (var j = 0; j < columns; j++)
            {
                var expected = 0.0;
                for (var v = 0; v < rows; v++)
                {
                    var t = 0.0;
                    for (var i = 0; i < columns; i++) t += dense[u, i] * normalised[v, i];
                    expected += t * normalised[v, j];
                }
                Assert.Equal(expected, scores[j], 5);
            }
        }
    }

    [Fact]
    public void Score_RowWithoutEntries_ScoresZero()
    {
        var csr = Csr.FromEdges(3, [0, 0, 1], [0, 1, 1]);
        var scores = new float[2];
        new GraphFilter(csr, 2, new GraphFilterOptions { LowPassRank = 2 }).Score(2, scores);
        Assert.Equal([0f, 0f], scores);
    }

    [Fact]
    public void Score_FullRankLowPass_AddsWeightOnTheUsersOwnColumns()
    {
        // With every singular vector kept V Vᵀ = I, so the low-pass part is α r_u D^{-1/2} D^{1/2} = α r_u.
        var (csr, _, rows, columns) = RandomMatrix(seed: 8, rows: 40, columns: 12, density: 0.3);
        var linear = new GraphFilter(csr, columns);
        var both = new GraphFilter(csr, columns, new GraphFilterOptions { LowPassRank = columns, LowPassWeight = 0.5f });
        Assert.Equal(columns, both.LowPass!.Rank);
        var (a, b) = (new float[columns], new float[columns]);
        for (var u = 0; u < rows; u++)
        {
            linear.Score(u, a);
            both.Score(u, b);
            for (var j = 0; j < columns; j++)
                Assert.Equal(a[j] + (csr.Contains(u, j) ? 0.5f : 0f), b[j], 4);
        }
    }

    [Fact]
    public void LowPass_TopSingularValues_MatchDenseEigenvalues()
    {
        var (csr, dense, rows, columns) = RandomMatrix(seed: 5, rows: 60, columns: 35, density: 0.12);
        var basis = new GraphFilter(csr, columns, new GraphFilterOptions { LowPassRank = 6 }).LowPass!;
        var normalised = Normalise(dense, rows, columns);
        var gram = new double[columns * columns];
        for (var i = 0; i < columns; i++)
            for (var j = 0; j < columns; j++)
                for (var v = 0; v < rows; v++) gram[i * columns + j] += normalised[v, i] * normalised[v, j];
        var (values, _) = SymmetricEigen.Decompose(gram, columns);
        // R̃'s largest singular value is 1 (its degree-normalised top vector); the rest follow R̃ᵀR̃'s eigenvalues.
        Assert.Equal(1.0, basis.SingularValues[0], 4);
        for (var k = 0; k < 6; k++) Assert.Equal(Math.Sqrt(values[k]), basis.SingularValues[k], 3);
    }

    [Fact]
    public void LowPass_SameSeed_SameBasis_OtherSeed_SameSpan()
    {
        var (csr, _, _, columns) = RandomMatrix(seed: 6, rows: 50, columns: 30, density: 0.2);
        var a = new GraphFilter(csr, columns, new GraphFilterOptions { LowPassRank = 4, Seed = 1 });
        var b = new GraphFilter(csr, columns, new GraphFilterOptions { LowPassRank = 4, Seed = 1 });
        var c = new GraphFilter(csr, columns, new GraphFilterOptions { LowPassRank = 4, Seed = 2 });
        var (sa, sb, sc) = (new float[columns], new float[columns], new float[columns]);
        a.Score(3, sa);
        b.Score(3, sb);
        c.Score(3, sc);
        Assert.Equal(sa, sb);
        // Another start converges to the same span up to the subspace iteration's error.
        for (var j = 0; j < columns; j++) Assert.True(Math.Abs(sa[j] - sc[j]) < 1e-3, $"column {j}: {sa[j]} vs {sc[j]}");
    }

    [Fact]
    public void FriendScorer_TinyGraph_IsThreeHopNormalisedWalk()
    {
        // Undirected ties a-b, a-c, b-c, c-d, d-e (degrees a2 b2 c3 d2 e1). e reaches a in three hops only by e-d-c-a:
        // r_e is binary, then each hop weighs 1/√(d_x d_y): s(e, a) = 1 · 1/√(2·3) · 1/√(3·2) = 1/6.
        var g = TinyGraphs.Five();
        var friends = Neighbourhood.Undirected(g);
        var scorer = new GraphFilterFriendScorer(friends);
        var scores = new float[g.UserCount];
        g.Users.TryGetIndex("e", out var e);
        g.Users.TryGetIndex("a", out var a);
        scorer.ScoreUsers(e, scores);
        Assert.Equal(1f / 6, scores[a], 6);
    }

    private static double[,] Normalise(double[,] dense, int rows, int columns)
    {
        var rowDegree = new double[rows];
        var columnDegree = new double[columns];
        for (var u = 0; u < rows; u++)
            for (var i = 0; i < columns; i++)
            {
                rowDegree[u] += dense[u, i];
                columnDegree[i] += dense[u, i];
            }
        var n = new double[rows, columns];
        for (var u = 0; u < rows; u++)
            for (var i = 0; i < columns; i++)
                n[u, i] = dense[u, i] == 0 ? 0 : 1 / Math.Sqrt(rowDegree[u] * columnDegree[i]);
        return n;
    }

    private static (Csr Csr, double[,] Dense, int Rows, int Columns) RandomMatrix(int seed, int rows, int columns, double density)
    {
        var random = new Random(seed);
        var dense = new double[rows, columns];
        var (sources, targets) = (new List<int>(), new List<int>());
        for (var u = 0; u < rows; u++)
            for (var i = 0; i < columns; i++)
                if (random.NextDouble() < density || i == u % columns)
                {
                    dense[u, i] = 1;
                    sources.Add(u);
                    targets.Add(i);
                }
        return (Csr.FromEdges(rows, [.. sources], [.. targets]), dense, rows, columns);
    }
}
