using System.Globalization;
using GraphAttn.Model.Checkpoints;

namespace GraphAttn.Embedding.Snapshots;

/// <summary>
/// The checkpoint's friend structure weight β as the float a snapshot header carries. Every snapshot (and every shard)
/// of a run takes it from the one checkpoint, so the server adds β · AA(u, v) to friend scores exactly as the model
/// was trained with; a checkpoint written before β existed reads as 0 (embeddings only).
/// </summary>
public static class FriendStructureWeight
{
    /// <summary>β of <paramref name="metadata"/> as a float.</summary>
    /// <exception cref="InvalidDataException">β is NaN, infinite, negative or too large for a float (a damaged checkpoint).</exception>
    public static float Of(CheckpointMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        double weight = metadata.FriendStructureWeight;
        float single = (float)weight;
        if (!double.IsFinite(weight) || weight < 0 || !float.IsFinite(single))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"checkpoint's friend structure weight {weight} is not a finite non-negative float (damaged checkpoint?)"));
        }

        return single;
    }
}
