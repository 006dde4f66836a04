using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;

namespace GraphAttn.Model.Scoring;

/// <summary>
/// The structural term of the friend score: score(u, v) = friend_u · friend_v + <see cref="Weight"/> · AA(u, v), with AA
/// the Adamic-Adar index over <see cref="Friends"/> (the undirected follow graph). Embeddings alone ranked held-out
/// Last.fm friendships below plain Adamic-Adar; shared friends are evidence a dot product of two 64-float vectors
/// cannot hold for every pair, so the model learns how much to trust them next to its vectors.
/// </summary>
/// <param name="Friends">Undirected follow graph the term walks (the training graph's during training).</param>
/// <param name="Weight">β ≥ 0, learned in training; 0 turns the term off.</param>
public sealed record FriendStructureTerm(Csr Friends, float Weight)
{
    /// <summary>Adds β · AA(<paramref name="user"/>, v) to every <paramref name="scores"/>[v].</summary>
    public void AddTo(int user, Span<float> scores)
    {
        if (Weight != 0f) AdamicAdar.AddRow(Friends, user, Weight, scores);
    }
}
