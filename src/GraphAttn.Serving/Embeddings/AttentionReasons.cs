using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Ranking;
using GraphAttn.Serving.Recommending;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Embeddings;

/// <summary>
/// Explanations from the model's attention weights stored in the snapshot: which attended friends and which attended
/// history items drove a recommendation, each with its weight.
/// </summary>
public sealed class AttentionReasons(SocialGraph graph, EmbeddingSnapshot snapshot, SnapshotAlignment alignment)
{
    private const int MaxEvidence = 5;
    private const float RelativeEvidenceFloor = 0.5f;

    /// <summary>
    /// Reasons for recommending graph content <paramref name="content"/> to graph user <paramref name="user"/> from the
    /// attention stored in the snapshot. Empty when the snapshot lacks either.
    /// </summary>
    public IReadOnlyList<Reason> ExplainContent(int user, int content) =>
        alignment.UserRow[user] is var row and >= 0
            ? ExplainContent(UserAttention.FromSnapshot(snapshot, alignment, row), content)
            : [];

    /// <summary>
    /// Reasons for recommending graph content <paramref name="content"/> to a user who attended to
    /// <paramref name="attention"/>: attended friends who engaged with it (weight = their attention), and attended
    /// history items it resembles (weight = attention x cosine similarity; positive, and at least half the strongest).
    /// </summary>
    public IReadOnlyList<Reason> ExplainContent(UserAttention attention, int content)
    {
        int contentRow = alignment.ContentRow[content];
        if (contentRow < 0)
        {
            return [];
        }

        var reasons = new List<Reason>(2);
        List<(int User, float Weight)> engaged = attention.Friends
            .Where(f => graph.ContentUsers.Contains(content, f.User)).ToList();
        if (engaged.Count > 0)
        {
            reasons.Add(Reasons.Make(ReasonKind.FriendsEngaged,
                $"{Names.Join(engaged.Select(f => Names.User(graph, f.User)).ToList())}, whom you attend to, engaged with it",
                engaged.Take(MaxEvidence).Select(f => Reasons.User(graph, f.User, f.Weight))));
        }

        ReadOnlySpan<float> target = snapshot.ContentVectors.Row(contentRow);
        var similar = new List<(int Content, float Weight)>();
        foreach ((int graphContent, float attended) in attention.History)
        {
            int row = alignment.ContentRow[graphContent];
            float weight = row < 0 ? 0 : attended * Cosine(target, snapshot.ContentVectors.Row(row));
            if (graphContent != content && weight > 0)
            {
                similar.Add((graphContent, weight));
            }
        }

        if (similar.Count > 0)
        {
            similar.Sort((a, b) => b.Weight.CompareTo(a.Weight));
            // Name the items that drove it, not every attended item that is faintly alike: at least half the strongest.
            similar.RemoveAll(x => x.Weight < similar[0].Weight * RelativeEvidenceFloor);
            reasons.Add(Reasons.Make(ReasonKind.SimilarToHistory,
                $"Because you engaged with {Names.Join(similar.Select(s => Title(s.Content)).ToList())}",
                similar.Take(MaxEvidence).Select(s => Reasons.Content(graph, s.Content, s.Weight))));
        }

        return reasons;
    }

    /// <summary>
    /// Reasons for suggesting graph user <paramref name="candidate"/> to <paramref name="user"/> from the snapshot's
    /// attention and vectors. Empty when the snapshot lacks either.
    /// </summary>
    public IReadOnlyList<Reason> ExplainFriend(int user, int candidate) =>
        alignment.UserRow[user] is var row and >= 0
            ? ExplainFriend(UserAttention.FromSnapshot(snapshot, alignment, row), snapshot.UserVectors.Row(row).ToArray(), candidate)
            : [];

    /// <summary>
    /// Reasons for suggesting graph user <paramref name="candidate"/> to a user with vector <paramref name="userVector"/>
    /// who attended to <paramref name="attention"/>: attended friends who follow the candidate (weight = attention);
    /// otherwise, when their embeddings agree, similar interests.
    /// </summary>
    public IReadOnlyList<Reason> ExplainFriend(UserAttention attention, ReadOnlySpan<float> userVector, int candidate)
    {
        int candidateRow = alignment.UserRow[candidate];
        List<(int User, float Weight)> followers = attention.Friends
            .Where(f => graph.Following.Contains(f.User, candidate)).ToList();
        if (followers.Count > 0)
        {
            return [Reasons.Make(ReasonKind.MutualFriends,
                $"Followed by {Names.Join(followers.Select(f => Names.User(graph, f.User)).ToList())}, whom you attend to",
                followers.Take(MaxEvidence).Select(f => Reasons.User(graph, f.User, f.Weight)))];
        }

        float similarity = candidateRow < 0 ? 0 : Cosine(userVector, snapshot.UserVectors.Row(candidateRow));
        return similarity > 0
            ? [Reasons.Make(ReasonKind.SimilarInterests, "Has interests similar to yours", [Reasons.User(graph, candidate, similarity)])]
            : [];
    }

    private string Title(int content) =>
        string.IsNullOrEmpty(graph.ContentTitles[content]) ? graph.Contents[content] : graph.ContentTitles[content];

    private static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float norms = MathF.Sqrt(VectorMath.Dot(a, a) * VectorMath.Dot(b, b));
        return norms > 0 ? VectorMath.Dot(a, b) / norms : 0f;
    }
}
