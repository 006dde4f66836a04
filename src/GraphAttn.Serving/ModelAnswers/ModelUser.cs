using GraphAttn.Serving.Embeddings;

namespace GraphAttn.Serving.ModelAnswers;

/// <summary>Where a request's user vector came from.</summary>
public enum ModelUserSource
{
    /// <summary>The user's row of the snapshot (computed by the last re-embedding).</summary>
    Snapshot,

    /// <summary>The model run at request time over the user's current followees and history, live events included.</summary>
    Online,

    /// <summary>A neighbour average (<see cref="ColdStartVector"/>): no model is loaded to run online.</summary>
    NeighbourAverage,
}

/// <summary>A user as the model sees them for one request: vectors and what the embedding attended to.</summary>
/// <param name="Vector">Content-scoring vector (user · content), length D.</param>
/// <param name="FriendVector">Friend-scoring vector, length D.</param>
/// <param name="Attention">Attended followees and history items, strongest first.</param>
/// <param name="Source">Where the vectors came from.</param>
public sealed record ModelUser(float[] Vector, float[] FriendVector, UserAttention Attention, ModelUserSource Source);
