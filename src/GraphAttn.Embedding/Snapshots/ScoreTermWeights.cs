using System.Globalization;
using GraphAttn.Model.Checkpoints;

namespace GraphAttn.Embedding.Snapshots;

/// <summary>
/// The checkpoint's score-term weights as the floats a snapshot header carries: β of the friend score's Adamic-Adar
/// term and γ of the content score's graph-filter term. Every snapshot (and every shard) of a run takes them from the
/// one checkpoint, so the server scores exactly as the model was evaluated; a checkpoint written before a term existed
/// reads as 0 (embeddings only).
/// </summary>
public static class ScoreTermWeights
{
    /// <summary>β of <paramref name="metadata"/> as a float.</summary>
    /// <exception cref="InvalidDataException">β is NaN, infinite, negative or too large for a float (a damaged checkpoint).</exception>
    public static float Friend(CheckpointMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return Checked(metadata.FriendStructureWeight, "friend structure weight");
    }

    /// <summary>
    /// γ of <paramref name="metadata"/>, the content score's graph-filter weight, as a float: carried like β, so the
    /// server adds γ · GF(u, c) to content scores as the model was evaluated.
    /// </summary>
    /// <exception cref="InvalidDataException">γ is NaN, infinite, negative or too large for a float (a damaged checkpoint).</exception>
    public static float ContentFilter(CheckpointMetadata metadata)
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
