using System.Buffers;
using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Cli.Methods;

/// <summary>
/// Scores from an embedding snapshot (the GAT model's output): <c>score(u, c) = user_u · content_c</c> for content
/// and, for friends, the model's friend score <c>friend_u · friend_v + β · AA(u, v)</c> (β from the snapshot header,
/// AA over the split's training friendships), computed by the server's own <see cref="EmbeddingFriendScorer"/> so an
/// offline evaluation ranks exactly as the live API serving the snapshot. Rows are matched to the graph by id.
/// Candidates the snapshot lacks are excluded; a user the snapshot lacks scores every candidate 0. The snapshot must
/// have been embedded from the split's training graph, or the model has seen the test data: see
/// <see cref="CheckTrainedOn"/>.
/// </summary>
public sealed class SnapshotScorers
{
    private readonly EmbeddingSnapshot _snapshot;
    private readonly SnapshotAlignment _alignment;
    private readonly int[] _userRow;
    private readonly int[] _contentRow;

    /// <summary>Maps graph indices to snapshot rows.</summary>
    public SnapshotScorers(EmbeddingSnapshot snapshot, SocialGraph graph)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(graph);
        _snapshot = snapshot;
        _alignment = SnapshotAlignment.Create(graph, snapshot);
        _userRow = _alignment.UserRow;
        _contentRow = _alignment.ContentRow;
    }

    /// <summary>Throws unless the snapshot was embedded from a graph with <paramref name="trainFingerprint"/>.</summary>
    /// <exception cref="ArgumentException">Naming both fingerprints.</exception>
    public void CheckTrainedOn(string trainFingerprint)
    {
        if (_snapshot.Header.GraphFingerprint != trainFingerprint)
            throw new ArgumentException(
                $"snapshot '{_snapshot.Header.ModelId}' was embedded from graph {_snapshot.Header.GraphFingerprint}, but this split's " +
                $"training graph is {trainFingerprint}: it may have seen the test data. Embed the graph written by --export-train.");
    }

    /// <summary>
    /// The content scorer ("snapshot"): user · content, plus γ · GF(u, c) when the snapshot carries γ, with the graph
    /// filter over <paramref name="train"/>'s interactions (the split's training graph), as the live server adds it over
    /// the graph it serves.
    /// </summary>
    public IContentScorer ContentFor(SocialGraph train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var gamma = _snapshot.Header.ContentFilterWeight;
        return new ContentScorer(this, gamma > 0f ? new GraphFilter(GraphFilterContentScorer.UserContents(train), train.ContentCount) : null, gamma);
    }

    /// <summary>
    /// The friend scorer ("snapshot") over <paramref name="trainFriends"/>, the split's undirected training
    /// friendships (<see cref="GraphAttn.Evaluation.Methods.MethodContext.TrainFriends"/>): the structural term walks them, as the live server walks
    /// the graph it serves.
    /// </summary>
    public IFriendScorer Friends(Csr trainFriends) => new FriendScorer(this, new EmbeddingFriendScorer(_snapshot, _alignment, trainFriends));

    // Content: user row . content rows; friends of a user without a row: all 0 (candidates the snapshot lacks excluded).
    private void Score(int user, Span<float> scores, int[] rows, EmbeddingMatrix queries, EmbeddingMatrix candidates)
    {
        var u = _userRow[user];
        var me = u >= 0 ? queries.Row(u) : default;
        for (var i = 0; i < scores.Length; i++)
        {
            var r = rows[i];
            scores[i] = r < 0 ? TopK.Excluded : u < 0 ? 0f : VectorMath.Dot(me, candidates.Row(r));
        }
    }

    private sealed class ContentScorer(SnapshotScorers s, GraphFilter? filter, float gamma) : IContentScorer
    {
        public string Name => "snapshot";

        public void ScoreContent(int user, Span<float> scores)
        {
            s.Score(user, scores, s._contentRow, s._snapshot.UserVectors, s._snapshot.ContentVectors);
            if (filter is null || user >= filter.RowCount) return;
            var gf = ArrayPool<float>.Shared.Rent(filter.ColumnCount);
            try
            {
                filter.Score(user, gf.AsSpan(0, filter.ColumnCount));
                for (var c = 0; c < filter.ColumnCount; c++)
                    if (gf[c] > 0f && scores[c] > TopK.Excluded) scores[c] += gamma * gf[c];
            }
            finally
            {
                ArrayPool<float>.Shared.Return(gf);
            }
        }
    }

    // A user without a row keeps the documented "every candidate 0" (the serving scorer gives no exclusions then).
    private sealed class FriendScorer(SnapshotScorers s, EmbeddingFriendScorer served) : IFriendScorer
    {
        public string Name => "snapshot";

        public void ScoreUsers(int user, Span<float> scores)
        {
            if (served.HasUser(user)) served.ScoreUsers(user, scores);
            else s.Score(user, scores, s._userRow, s._snapshot.FriendVectors, s._snapshot.FriendVectors);
        }
    }
}
