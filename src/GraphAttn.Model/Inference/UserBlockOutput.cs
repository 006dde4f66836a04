using static TorchSharp.torch;

namespace GraphAttn.Model.Inference;

/// <summary>
/// The per-target user forward's result, rows in the block's target order. Tensors belong to the caller's dispose
/// scope and carry gradients unless computed under no_grad.
/// </summary>
/// <param name="Users">[T, D] user vectors (content score = user . content).</param>
/// <param name="Friends">[T, D] friend vectors (friend score = friend_u . friend_v).</param>
/// <param name="HistoryWeights">[T, L + 1] history pooling weights, detached; column 0 is the summary token, column
/// p + 1 the p-th most recent history slot; padded slots get 0.</param>
/// <param name="FollowAttention">[E_f] follow-GAT attention per block followee edge (mean over heads, aligned with
/// <see cref="UserBlock.Followees"/>; the self-loop's share is left out), or null when not requested.</param>
public sealed record UserBlockOutput(Tensor Users, Tensor Friends, Tensor HistoryWeights, float[]? FollowAttention);
