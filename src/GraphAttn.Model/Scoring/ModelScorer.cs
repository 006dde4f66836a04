using System.Numerics;
using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;

namespace GraphAttn.Model.Scoring;

/// <summary>
/// Full-ranking scores from trained embeddings: content score = user . content plus, when given, the graph filter term
/// γ · s_GF (<see cref="ContentFilterTerm"/>); friend score = friend_u . friend_v plus, when given, the structural term
/// β · Adamic-Adar (<see cref="FriendStructure"/>, the same code the server ranks with, so offline and live friend scores
/// agree exactly). Thread-safe (read-only arrays).
/// </summary>
public sealed class ModelScorer(ModelEmbeddings embeddings, string name = "graphattn", FriendStructure? structure = null,
    ContentFilterTerm? contentFilter = null)
    : IContentScorer, IFriendScorer
{
    /// <inheritdoc />
    public string Name => name;

    /// <summary>The embeddings scored.</summary>
    public ModelEmbeddings Embeddings => embeddings;

    /// <inheritdoc />
    public void ScoreContent(int user, Span<float> scores)
    {
        Score(embeddings.Users.AsSpan(user * embeddings.Dimension, embeddings.Dimension), embeddings.Contents, scores);
        AddContentTerms(user, scores);
    }

    /// <summary>Adds the content score's terms beyond the dot product (the graph filter term, if any).</summary>
    internal void AddContentTerms(int user, Span<float> scores) => contentFilter?.AddTo(user, scores);

    /// <summary>Adds the friend score's terms beyond the dot product (the structural term, if any).</summary>
    internal void AddFriendTerms(int user, Span<float> scores) => structure?.AddTo(user, scores);

    /// <inheritdoc />
    public void ScoreUsers(int user, Span<float> scores)
    {
        Score(embeddings.Friends.AsSpan(user * embeddings.Dimension, embeddings.Dimension), embeddings.Friends, scores);
        AddFriendTerms(user, scores);
    }

    /// <summary>The friend score's structural term, if any.</summary>
    public FriendStructure? Structure => structure;

    /// <summary>The content score's graph filter term, if any.</summary>
    public ContentFilterTerm? ContentFilter => contentFilter;

    private void Score(ReadOnlySpan<float> query, float[] table, Span<float> scores)
    {
        var d = embeddings.Dimension;
        if (scores.Length != table.Length / d)
            throw new ArgumentException($"scores has length {scores.Length}, expected {table.Length / d}");
        for (var i = 0; i < scores.Length; i++) scores[i] = Dot(query, table.AsSpan(i * d, d));
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var result = Vector.Sum(sum);
        for (; i < a.Length; i++) result += a[i] * b[i];
        return result;
    }
}
