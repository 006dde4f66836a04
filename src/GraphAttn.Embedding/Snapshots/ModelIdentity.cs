using System.Globalization;
using GraphAttn.Model.Checkpoints;

namespace GraphAttn.Embedding.Snapshots;

/// <summary>The model id written into snapshots: stable for one checkpoint, different for a re-trained one.</summary>
public static class ModelIdentity
{
    /// <summary>"graphattn-v{version}-{first 12 of the training-graph fingerprint}-{checkpoint time, UTC}".</summary>
    public static string Of(CheckpointMetadata metadata)
    {
        var fingerprint = metadata.TrainFingerprint.Length > 12 ? metadata.TrainFingerprint[..12] : metadata.TrainFingerprint;
        return string.Create(CultureInfo.InvariantCulture,
            $"graphattn-v{metadata.Version}-{fingerprint}-{metadata.CreatedUtc.ToUniversalTime():yyyyMMdd'T'HHmmss'Z'}");
    }
}
