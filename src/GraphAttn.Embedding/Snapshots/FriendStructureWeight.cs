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
        return Checked(metadata.FriendStructureWeight, "friend structure weight");
    }

    /// <summary>
    /// γ of <paramref name="metadata"/>, the content score's graph-filter weight, as a float: carried like β, so the
    /// server adds γ · GF(u, c) to content scores as the model was evaluated.
    /// </summary>
    /// <exception cref="InvalidDataException">γ is NaN, infinite, negative or too large for a float (a damaged checkpoint).</exception>
    public static float ContentFilterOf(CheckpointMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return Checked(metadata.ContentFilterWeight, "content filter weight");
    }

    private static float Checked(double weight, string what)
    {
        float single = (float)weight;
        if (!double.IsFinite(weight) || weight < 0 || !float.IsFinite(single))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"checkpoint's {what} {weight} is not a finite non-negative float (damaged checkpoint?)"));
        }

        return single;
    }
}
