using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;

namespace GraphAttn.Evaluation.Methods.LightGcn;

/// <summary>
/// LightGCN over the user–content bipartite graph (<see cref="LightGcnTrainer"/>): score(u, c) = F_u · F_c. Trains on
/// the method context's interactions, stopping early on a sample carved out of them (<see cref="HeldOutSample"/>).
/// </summary>
public sealed class LightGcnContentScorer : IContentScorer
{
    private readonly float[] vectors;
    private readonly int users, d;

    /// <summary>Trains on <paramref name="train"/> (users × contents).</summary>
    public LightGcnContentScorer(SparseBinaryMatrix train, LightGcnOptions? options = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        var o = options ?? new LightGcnOptions();
        (users, d) = (train.RowCount, o.Dimensions);
        var sample = HeldOutSample.Carve(train, o.Seed);
        vectors = LightGcnTrainer.Train(NormalizedAdjacency.Bipartite(sample.Fit), sample, users, excludeSelf: false, o, log);
    }

    /// <inheritdoc />
    public string Name => "LightGCN";

    /// <inheritdoc />
    public void ScoreContent(int user, Span<float> scores) => LightGcnTrainer.Scores(vectors, d, users, user, scores);
}

/// <summary>
/// LightGCN over the symmetric friendship graph: one vector table for users, score(u, v) = F_u · F_v, trained with BPR
/// on friendships against uniform non-friends.
/// </summary>
public sealed class LightGcnFriendScorer : IFriendScorer
{
    private readonly float[] vectors;
    private readonly int d;

    /// <summary>Trains on <paramref name="friends"/> (undirected training friendships, both directions).</summary>
    public LightGcnFriendScorer(Csr friends, LightGcnOptions? options = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(friends);
        var o = options ?? new LightGcnOptions();
        d = o.Dimensions;
        var matrix = SparseBinaryMatrix.FromPairs(friends.NodeCount, friends.NodeCount,
            Enumerable.Range(0, friends.NodeCount).SelectMany(u => friends.Neighbors(u).ToArray().Select(v => (u, v))));
        var sample = HeldOutSample.Carve(matrix, o.Seed, symmetric: true);
        vectors = LightGcnTrainer.Train(NormalizedAdjacency.Symmetric(sample.Fit), sample, 0, excludeSelf: true, o, log);
    }

    /// <inheritdoc />
    public string Name => "LightGCN";

    /// <inheritdoc />
    public void ScoreUsers(int user, Span<float> scores) => LightGcnTrainer.Scores(vectors, d, 0, user, scores);
}
