using static TorchSharp.torch;

namespace GraphAttn.Model.Modeling;

/// <summary>
/// Embeddings from one forward pass: Users [U, D] (content score = user . content), Contents [Cn, D], and
/// Friends [U, D] (friend score = friend_u . friend_v).
/// </summary>
public sealed record ModelOutput(Tensor Users, Tensor Contents, Tensor Friends);
