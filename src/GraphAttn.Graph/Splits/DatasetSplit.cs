using GraphAttn.Graph.Matrices;

namespace GraphAttn.Graph.Splits;

/// <summary>
/// Held-out parts of a graph: content validation and test pairs, and held-out follow edges. Everything not held
/// out is training data, so a split stores only what it removes.
/// </summary>
/// <param name="Description">How it was made, e.g. <c>random 8:1:1 seed 2026; follows 10% seed 2026</c>.</param>
/// <param name="GraphFingerprint">Fingerprint of the graph it was made from; loading checks it.</param>
/// <param name="ContentValid">Users x contents held out for validation.</param>
/// <param name="ContentTest">Users x contents held out for testing.</param>
/// <param name="FriendTest">Users x users: held-out follow edges (both directions of a held-out friendship).</param>
public sealed record DatasetSplit(
    string Description,
    string GraphFingerprint,
    SparseBinaryMatrix ContentValid,
    SparseBinaryMatrix ContentTest,
    SparseBinaryMatrix FriendTest);
