namespace GraphAttn.Embedding.Inductive;

/// <summary>
/// One user's vectors computed at request time, with the attention that shaped them (for reasons).
/// </summary>
/// <param name="User">[D] user vector: content score = user . content vector.</param>
/// <param name="Friend">[D] friend vector: follow score = friend . other user's friend vector.</param>
/// <param name="TopFriends">Followees by follow attention (mean over heads), strongest first.</param>
/// <param name="TopHistory">History contents by pooling weight (merged per content), strongest first.</param>
/// <param name="KnownUser">Whether the user had an id embedding (was in the checkpoint); false = zero id vector.</param>
public sealed record InductiveResult(float[] User, float[] Friend, IReadOnlyList<(string UserId, float Weight)> TopFriends,
    IReadOnlyList<(string ContentId, float Weight)> TopHistory, bool KnownUser);
