namespace GraphAttn.Evaluation.Live;

/// <summary>
/// The seam for <c>graphattn eval --live ADDRESS</c>: a client of a running server that returns ranked top-K ids.
/// The host (the graphattn CLI, which owns the gRPC contracts) supplies an implementation; the evaluation then
/// computes exactly the same metrics as offline through <see cref="RankedListScores"/>. The server must serve the
/// training graph of the split and exclude each user's seen items itself, as the offline evaluator does.
/// </summary>
public interface ILiveRecommender
{
    /// <summary>Top <paramref name="k"/> content ids for <paramref name="userId"/>, best first.</summary>
    Task<IReadOnlyList<string>> RecommendContentAsync(string userId, int k, CancellationToken ct);

    /// <summary>Top <paramref name="k"/> user ids to follow for <paramref name="userId"/>, best first.</summary>
    Task<IReadOnlyList<string>> RecommendFriendsAsync(string userId, int k, CancellationToken ct);
}
