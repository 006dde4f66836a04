namespace GraphAttn.Serving.Snapshots;

/// <summary>
/// Everything the server needs from one re-embedding run, immutable once built: user and content id tables, their
/// embedding matrices (both [count, Dimensions]), the friend matrix ([users, Dimensions]; friend score =
/// friend_u . friend_v, while content score = user . content) and, per user, the top attention weights over friends
/// (targets are user indices) and over history items (targets are content indices), used for reasons and profiles.
/// </summary>
public sealed class EmbeddingSnapshot
{
    private readonly Dictionary<string, int> _userIndex;
    private readonly Dictionary<string, int> _contentIndex;

    /// <summary>
    /// Checks that every part agrees on counts and dimensions and that ids are unique. <paramref name="friendVectors"/>
    /// defaults to <paramref name="userVectors"/> (a model without separate friend vectors).
    /// </summary>
    /// <exception cref="ArgumentException">Sizes disagree, an id repeats, or an attention target is out of range.</exception>
    public EmbeddingSnapshot(
        SnapshotHeader header,
        string[] userIds,
        string[] contentIds,
        EmbeddingMatrix userVectors,
        EmbeddingMatrix contentVectors,
        AttentionTable friendAttention,
        AttentionTable historyAttention,
        EmbeddingMatrix? friendVectors = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(contentIds);
        ArgumentNullException.ThrowIfNull(userVectors);
        ArgumentNullException.ThrowIfNull(contentVectors);
        ArgumentNullException.ThrowIfNull(friendAttention);
        ArgumentNullException.ThrowIfNull(historyAttention);
        Require(userVectors.Rows == userIds.Length, $"user matrix has {userVectors.Rows} rows for {userIds.Length} user ids");
        Require(contentVectors.Rows == contentIds.Length, $"content matrix has {contentVectors.Rows} rows for {contentIds.Length} content ids");
        Require(userVectors.Dimensions == contentVectors.Dimensions,
            $"user dimensions {userVectors.Dimensions} differ from content dimensions {contentVectors.Dimensions}");
        friendVectors ??= userVectors;
        Require(friendVectors.Rows == userIds.Length, $"friend matrix has {friendVectors.Rows} rows for {userIds.Length} user ids");
        Require(friendVectors.Dimensions == userVectors.Dimensions,
            $"friend dimensions {friendVectors.Dimensions} differ from user dimensions {userVectors.Dimensions}");
        Require(friendAttention.Rows == userIds.Length, $"friend attention has {friendAttention.Rows} rows for {userIds.Length} users");
        Require(historyAttention.Rows == userIds.Length, $"history attention has {historyAttention.Rows} rows for {userIds.Length} users");
        RequireTargetsBelow(friendAttention, userIds.Length, "friend attention");
        RequireTargetsBelow(historyAttention, contentIds.Length, "history attention");

        Header = header;
        UserIds = userIds;
        ContentIds = contentIds;
        UserVectors = userVectors;
        ContentVectors = contentVectors;
        FriendVectors = friendVectors;
        FriendAttention = friendAttention;
        HistoryAttention = historyAttention;
        _userIndex = IndexOf(userIds, "user");
        _contentIndex = IndexOf(contentIds, "content");
    }

    /// <summary>Model id, graph fingerprint, creation time, format version.</summary>
    public SnapshotHeader Header { get; }

    /// <summary>Embedding length shared by users and contents.</summary>
    public int Dimensions => UserVectors.Dimensions;

    /// <summary>User id of each user row.</summary>
    public string[] UserIds { get; }

    /// <summary>Content id of each content row.</summary>
    public string[] ContentIds { get; }

    /// <summary>User embeddings, [UserIds.Length, Dimensions].</summary>
    public EmbeddingMatrix UserVectors { get; }

    /// <summary>Content embeddings, [ContentIds.Length, Dimensions].</summary>
    public EmbeddingMatrix ContentVectors { get; }

    /// <summary>
    /// Friend embeddings, [UserIds.Length, Dimensions]: query with a user's row and rank other users' rows by inner
    /// product to suggest whom to follow. Format version 1 files have none; for them this is <see cref="UserVectors"/>.
    /// </summary>
    public EmbeddingMatrix FriendVectors { get; }

    /// <summary>Per user, top attention over friends (targets: user rows).</summary>
    public AttentionTable FriendAttention { get; }

    /// <summary>Per user, top attention over history items (targets: content rows).</summary>
    public AttentionTable HistoryAttention { get; }

    /// <summary>Row of user <paramref name="userId"/>, if the snapshot has it.</summary>
    public bool TryGetUserIndex(string userId, out int index) => _userIndex.TryGetValue(userId, out index);

    /// <summary>Row of content <paramref name="contentId"/>, if the snapshot has it.</summary>
    public bool TryGetContentIndex(string contentId, out int index) => _contentIndex.TryGetValue(contentId, out index);

    private static Dictionary<string, int> IndexOf(string[] ids, string kind)
    {
        var map = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (int i = 0; i < ids.Length; i++)
        {
            Require(ids[i] is not null, $"{kind} id at row {i} is null");
            Require(map.TryAdd(ids[i], i), $"{kind} id '{ids[i]}' appears twice (rows {(map.TryGetValue(ids[i], out int first) ? first : -1)} and {i})");
        }

        return map;
    }

    private static void RequireTargetsBelow(AttentionTable table, int count, string what)
    {
        foreach (int target in table.Targets)
        {
            Require((uint)target < (uint)count, $"{what} target {target} is outside [0, {count})");
        }
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException(problem);
        }
    }
}
