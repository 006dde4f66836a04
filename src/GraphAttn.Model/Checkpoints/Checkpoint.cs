using System.Text.Json;
using GraphAttn.Model.Modeling;

namespace GraphAttn.Model.Checkpoints;

/// <summary>
/// Saves and loads a checkpoint folder: model.dat (TorchSharp weights) + checkpoint.json (<see cref="CheckpointMetadata"/>)
/// and, from version 2, ids.json (<see cref="CheckpointIds"/>, the external id of every weight row). Version 3 changed
/// no file, only model defaults: an older checkpoint's model options that its JSON lacks take the values the code that
/// wrote it used (<see cref="LegacyModelOptions"/>), never today's defaults.
/// </summary>
public static class Checkpoint
{
    /// <summary>Weights file name.</summary>
    public const string WeightsFile = "model.dat";

    /// <summary>Metadata file name.</summary>
    public const string MetadataFile = "checkpoint.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Newest checkpoint version written (3: with id tables, model options written under today's defaults).</summary>
    public const int CurrentVersion = 3;

    /// <summary>
    /// Writes the files into <paramref name="folder"/> (created if missing); checkpoint.json is written last. With
    /// <paramref name="ids"/> the checkpoint is version 2, without it version 1 (weights in the training graph's order).
    /// </summary>
    /// <exception cref="InvalidDataException">The id tables do not match the metadata's counts.</exception>
    public static void Save(string folder, SocialRecModel model, CheckpointMetadata metadata, CheckpointIds? ids = null)
    {
        Directory.CreateDirectory(folder);
        metadata = metadata with { Version = ids is null ? 1 : CurrentVersion };
        ids?.Validate(metadata, folder);
        model.save(Path.Combine(folder, WeightsFile));
        ids?.Save(folder);
        var temp = Path.Combine(folder, MetadataFile + ".tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(metadata, Json));
        File.Move(temp, Path.Combine(folder, MetadataFile), overwrite: true);
    }

    /// <summary>Reads the metadata of the checkpoint in <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">The file is missing or not valid checkpoint JSON.</exception>
    public static CheckpointMetadata ReadMetadata(string folder)
    {
        var path = Path.Combine(folder, MetadataFile);
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: checkpoint metadata not found");
        try
        {
            var text = File.ReadAllText(path);
            var metadata = JsonSerializer.Deserialize<CheckpointMetadata>(text, Json)
                ?? throw new InvalidDataException($"{path}: empty checkpoint metadata");
            return metadata.Version >= 3 ? metadata : metadata with { Model = LegacyModelOptions.Fill(metadata.Model, text) };
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: line {e.LineNumber + 1}: {e.Message}", e);
        }
    }

    /// <summary>Rebuilds the model described by the metadata and loads its weights.</summary>
    public static (SocialRecModel Model, CheckpointMetadata Metadata) Load(string folder)
    {
        var metadata = ReadMetadata(folder);
        if (metadata.Version is < 1 or > CurrentVersion)
            throw new InvalidDataException($"{folder}: unsupported checkpoint version {metadata.Version} (this build reads 1 to {CurrentVersion})");
        if (!File.Exists(Path.Combine(folder, WeightsFile)))
            throw new InvalidDataException($"{Path.Combine(folder, WeightsFile)}: checkpoint weights not found");
        var model = new SocialRecModel(metadata.Users, metadata.Contents, metadata.Topics, metadata.Model);
        model.load(Path.Combine(folder, WeightsFile));
        model.eval();
        return (model, metadata);
    }
}
