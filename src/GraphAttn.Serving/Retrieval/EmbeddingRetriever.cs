using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Graph.Telemetry;
using GraphAttn.Ranking;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Store;

namespace GraphAttn.Serving.Retrieval;

/// <summary>
/// Top-k content and follow candidates from a leased snapshot's indexes, in graph index space, with the filters the
/// API needs: seen items, a topic, the user themself and whom they already follow. Rows the graph no longer has are
/// never returned. Create one per request from the lease (cheap) or keep one per snapshot and graph.
/// </summary>
public sealed class EmbeddingRetriever
{
    /// <summary>Fewest vector-index results rescored with the structural term, whatever k.</summary>
    public const int MinVectorPool = 100;

    private readonly SocialGraph _graph;
    private readonly ServingSnapshot _snapshot;
    private readonly SnapshotAlignment _alignment;

    /// <summary>Binds a snapshot (keep its lease open while using this) to the graph it serves, with the cached alignment.</summary>
    public EmbeddingRetriever(SocialGraph graph, ServingSnapshot snapshot)
        : this(graph, snapshot, (snapshot ?? throw new ArgumentNullException(nameof(snapshot))).AlignWith(graph))
    {
    }

    /// <summary>Binds a snapshot (keep its lease open while using this) to the graph it serves.</summary>
    public EmbeddingRetriever(SocialGraph graph, ServingSnapshot snapshot, SnapshotAlignment alignment)
    {
        _graph = graph ?? throw new ArgumentNullException(nameof(graph));
        _snapshot = snapshot ?? throw new ArgumentNullException(nameof(snapshot));
        _alignment = alignment ?? throw new ArgumentNullException(nameof(alignment));
    }

    /// <summary>Whether graph user <paramref name="user"/> has an embedding (else use a baseline or a cold-start vector).</summary>
    public bool HasUser(int user) => (uint)user < (uint)_alignment.UserRow.Length && _alignment.UserRow[user] >= 0;

    /// <summary>The best <paramref name="k"/> contents for <paramref name="user"/>; empty when the user has no embedding.</summary>
    /// <param name="user">Graph user index.</param>
    /// <param name="k">Results wanted.</param>
    /// <param name="excludedContent">Graph content indices never returned (seen items); null for none.</param>
    /// <param name="topic">Graph topic index: only contents tagged with it; null for any.</param>
    public IReadOnlyList<ScoredIndex> TopContent(int user, int k, IEnumerable<int>? excludedContent = null, int? topic = null) =>
        HasUser(user) ? TopContentFor(_snapshot.Embeddings.UserVectors.Row(_alignment.UserRow[user]), k, excludedContent, topic) : [];

    /// <summary>The best <paramref name="k"/> contents for an arbitrary query vector (e.g. a cold-start user's).</summary>
    public IReadOnlyList<ScoredIndex> TopContentFor(ReadOnlySpan<float> vector, int k, IEnumerable<int>? excludedContent = null, int? topic = null)
    {
        // The retrieval maps include content appended since the snapshot (fresh rows).
        IEnumerable<int> exclude = Rows(excludedContent, _alignment.RetrievalContentRow);
        IEnumerable<int>? allowed = topic is int t ? Rows(_graph.TopicContents.Neighbors(t).ToArray(), _alignment.RetrievalContentRow) : null;
        using var span = GraphAttnActivities.Source.StartActivity(GraphAttnActivities.Retrieval);
        span?.SetTag("graphattn.retrieval.target", "content");
        ScoredIndex[] found = _snapshot.Contents.Search(vector, k, new RetrievalFilter(exclude, allowed, _alignment.OrphanContentRows));
        return ToGraph(found, _alignment.RetrievalRowContent);
    }

    /// <summary>The best <paramref name="k"/> users for <paramref name="user"/> to follow: never the user or whom they follow.</summary>
    /// <param name="user">Graph user index.</param>
    /// <param name="k">Results wanted.</param>
    /// <param name="alsoExcluded">More graph user indices never returned (blocked, dismissed); null for none.</param>
    /// <param name="structure">The friend score's structural term (<see cref="SnapshotFriendStructure.For"/>); null ranks by
    /// the dot product alone.</param>
    public IReadOnlyList<ScoredIndex> TopFriends(int user, int k, IEnumerable<int>? alsoExcluded = null, FriendStructure? structure = null)
    {
        if (!HasUser(user))
        {
            return [];
        }

        IEnumerable<int> excluded = _graph.Following.Neighbors(user).ToArray().Append(user).Concat(alsoExcluded ?? []);
        ReadOnlySpan<float> vector = _snapshot.Embeddings.FriendVectors.Row(_alignment.UserRow[user]);
        return TopFriendsFor(vector, user, k, excluded, structure);
    }

    /// <summary>The best <paramref name="k"/> users for a friend-scoring vector, never any of <paramref name="excluded"/> (graph indices).</summary>
    public IReadOnlyList<ScoredIndex> TopFriendsFor(ReadOnlySpan<float> vector, int k, IEnumerable<int> excluded)
    {
        var filter = new RetrievalFilter(Rows(excluded, _alignment.UserRow), sharedExclude: _alignment.OrphanUserRows);
        using var span = GraphAttnActivities.Source.StartActivity(GraphAttnActivities.Retrieval);
        span?.SetTag("graphattn.retrieval.target", "users");
        return ToGraph(_snapshot.Users.Search(vector, k, filter), _alignment.RowUser);
    }

    /// <summary>
    /// The best <paramref name="k"/> users for <paramref name="user"/>, whose friend-scoring vector is
    /// <paramref name="vector"/> (snapshot row or online), never any of <paramref name="excluded"/>. With a
    /// <paramref name="structure"/>, ranked by friend_u · friend_v + β · AA(u, v) and scored with it: the index ranks by
    /// dot product only, so candidates are its top max(4k, <see cref="MinVectorPool"/>) plus the user's two-hop
    /// neighbours (<see cref="TwoHopCandidates"/>), each rescored exactly. Anyone else has AA = 0 and a dot product no
    /// higher than that pool's, so with an exact index and an uncapped walk the result is the true top k. Without one,
    /// exactly <see cref="TopFriendsFor(ReadOnlySpan{float}, int, IEnumerable{int})"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="structure"/> walks a graph with another user count.</exception>
    public IReadOnlyList<ScoredIndex> TopFriendsFor(ReadOnlySpan<float> vector, int user, int k, IEnumerable<int> excluded,
        FriendStructure? structure)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        if (structure is null)
        {
            return TopFriendsFor(vector, k, excluded);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (structure.Friends.NodeCount != _graph.UserCount)
        {
            throw new ArgumentException(
                $"Friend graph has {structure.Friends.NodeCount} users but the retriever's graph has {_graph.UserCount}.", nameof(structure));
        }

        IReadOnlySet<int> skip = excluded as IReadOnlySet<int> ?? excluded.ToHashSet();
        int wanted = Math.Max(4 * k, MinVectorPool);
        IReadOnlyList<ScoredIndex> pool = TopFriendsFor(vector, wanted, skip);
        // An exact index's pool is the top by dot product of every user it could return: no other scores higher than its
        // last (and when it returned fewer than asked, there is no other). An approximate one bounds nothing.
        float outsidePoolDot = _snapshot.Users is not ExactIndex ? float.PositiveInfinity
            : pool.Count < wanted ? float.NegativeInfinity
            : pool[^1].Score;
        if (StructuralRescoring.TopOfWalk(vector, user, k, pool, skip, _snapshot.Embeddings.FriendVectors, _alignment.UserRow, structure,
                outsidePoolDot) is { } walked)
        {
            return walked;
        }

        HashSet<int> candidates = TwoHopCandidates.Collect(structure.Friends, user);
        foreach (ScoredIndex item in pool)
        {
            candidates.Add(item.Index);
        }

        return StructuralRescoring.Top(vector, user, k, candidates, skip, _snapshot.Embeddings.FriendVectors, _alignment.UserRow, structure);
    }

    private static IEnumerable<int> Rows(IEnumerable<int>? graphIndices, int[] toRow) =>
        (graphIndices ?? []).Where(i => (uint)i < (uint)toRow.Length && toRow[i] >= 0).Select(i => toRow[i]);

    private static ScoredIndex[] ToGraph(ScoredIndex[] rows, int[] rowToGraph) =>
        Array.ConvertAll(rows, r => r with { Index = rowToGraph[r.Index] });
}
