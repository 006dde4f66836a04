using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Embedding.Batching;

/// <summary>
/// The rows one run (or one shard) computed: users [UserStart, UserStart + UserIds.Length) and contents
/// [ContentStart, ContentStart + ContentIds.Length) of the whole graph, with their vectors and the users' top attention.
/// Attention targets are WHOLE-graph rows (user rows for friends, content rows for history), so parts can be
/// concatenated. Shapes: Users, Friends [n, D]; Contents [m, D]; attention tables with n rows.
/// </summary>
public sealed record EmbeddedRows(
    int Dimensions,
    int TotalUsers,
    int TotalContents,
    int UserStart,
    string[] UserIds,
    float[] Users,
    float[] Friends,
    AttentionTable FriendAttention,
    AttentionTable HistoryAttention,
    int ContentStart,
    string[] ContentIds,
    float[] Contents)
{
    /// <summary>Checks that every array agrees with the counts.</summary>
    /// <exception cref="InvalidDataException">A size disagrees (names the part).</exception>
    public void Validate(string source)
    {
        var n = UserIds.Length;
        var m = ContentIds.Length;
        void Require(bool ok, string problem)
        {
            if (!ok) throw new InvalidDataException($"{source}: {problem}");
        }
        Require(Dimensions > 0, $"dimensions {Dimensions} must be positive");
        Require(UserStart >= 0 && UserStart + n <= TotalUsers, $"user rows {UserStart}..{UserStart + n} outside 0..{TotalUsers}");
        Require(ContentStart >= 0 && ContentStart + m <= TotalContents,
            $"content rows {ContentStart}..{ContentStart + m} outside 0..{TotalContents}");
        Require(Users.Length == (long)n * Dimensions && Friends.Length == (long)n * Dimensions, "user or friend matrix size");
        Require(Contents.Length == (long)m * Dimensions, "content matrix size");
        Require(FriendAttention.Rows == n && HistoryAttention.Rows == n, "attention tables must have one row per user");
    }
}
