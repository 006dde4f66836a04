using System.Buffers;

namespace GraphAttn.Graph.Baselines;

/// <summary>
/// The structural term of the model's friend score as served: score(u, v) = friend_u · friend_v + β · AA(u, v), with
/// AA the Adamic-Adar index over <see cref="Friends"/> (the undirected follow graph the request is answered over) and
/// β the weight fitted after training (a checkpoint's or snapshot's friend structure weight). Per-pair (<see cref="Score"/>, live top-k) and
/// full-row (<see cref="AddTo"/>, evaluation) scoring give bit-identical values, so the API and an offline evaluation
/// of the same snapshot rank alike. Exists only for β &gt; 0, so β = 0
/// keeps the embeddings-only path and its cost untouched. Immutable and thread-safe.
/// </summary>
public sealed class FriendStructure
{
    /// <summary>Adds <paramref name="weight"/> × AA over <paramref name="friends"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="weight"/> is not finite and positive.</exception>
    public FriendStructure(Csr friends, float weight)
    {
        ArgumentNullException.ThrowIfNull(friends);
        if (!float.IsFinite(weight) || weight <= 0f)
        {
            throw new ArgumentException($"Friend structure weight must be finite and positive, got {weight}.", nameof(weight));
        }

        Friends = friends;
        Weight = weight;
    }

    /// <summary>Undirected follow graph AA walks (sorted neighbour lists).</summary>
    public Csr Friends { get; }

    /// <summary>β, the weight of AA in the friend score.</summary>
    public float Weight { get; }

    /// <summary>The combined friend score of <paramref name="user"/> and <paramref name="candidate"/> given their dot product.</summary>
    public float Score(float dot, int user, int candidate) => dot + Weight * AdamicAdar.Pair(Friends, user, candidate);

    /// <summary>
    /// Adds β · AA(<paramref name="user"/>, v) to every <paramref name="scores"/>[v] (length: node count), equal bit for
    /// bit to <see cref="Score"/> per pair. Costs one two-hop walk from the user (uncapped: a full ranking needs every
    /// AA) plus one pass over the row.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="scores"/> does not have one slot per node.</exception>
    public void AddTo(int user, Span<float> scores)
    {
        int n = Friends.NodeCount;
        if (scores.Length != n)
        {
            throw new ArgumentException($"Scores span has {scores.Length} slots for {n} users.", nameof(scores));
        }

        float[] rented = ArrayPool<float>.Shared.Rent(n);
        try
        {
            Span<float> aa = rented.AsSpan(0, n);
            AdamicAdar.Row(Friends, user, aa);
            for (int v = 0; v < n; v++)
            {
                // The same expression as Score, so the two agree exactly (AA is 0 off the two-hop walk: adding 0 is exact).
                scores[v] = scores[v] + Weight * aa[v];
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }
}
