using System.Text.Json;
using GraphAttn.Graph;

namespace GraphAttn.Model.Checkpoints;

/// <summary>
/// The id tables of a checkpoint (ids.json, checkpoint version 2): the external id of every weight row, so a newer
/// graph (other order, new or removed nodes) maps its nodes to the right rows.
/// </summary>
/// <param name="Users">[users] user id of each user_emb row.</param>
/// <param name="Contents">[contents] content id of each content_emb row.</param>
/// <param name="Topics">[topics] topic id of each topic_emb row.</param>
public sealed record CheckpointIds(string[] Users, string[] Contents, string[] Topics)
{
    /// <summary>File name inside the checkpoint folder.</summary>
    public const string FileName = "ids.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The ids of <paramref name="graph"/> in index order (the graph a model was trained on).</summary>
    public static CheckpointIds Of(SocialGraph graph) =>
        new([.. graph.Users.Ids], [.. graph.Contents.Ids], [.. graph.Topics.Ids]);

    /// <summary>Writes ids.json into <paramref name="folder"/> (temporary file, then rename).</summary>
    public void Save(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var temp = path + ".tmp";
        using (var stream = File.Create(temp)) JsonSerializer.Serialize(stream, this, Json);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads ids.json from <paramref name="folder"/>, or null when the checkpoint has none (version 1).</summary>
    /// <exception cref="InvalidDataException">The file is not valid id-table JSON.</exception>
    public static CheckpointIds? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            var ids = JsonSerializer.Deserialize<CheckpointIds>(stream, Json);
            if (ids?.Users is null || ids.Contents is null || ids.Topics is null)
                throw new InvalidDataException($"{path}: users, contents and topics arrays are required");
            return ids;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: line {e.LineNumber + 1}: {e.Message}", e);
        }
    }

    /// <summary>Checks the tables against the weight shapes in <paramref name="metadata"/>.</summary>
    /// <exception cref="InvalidDataException">A table's length differs from its weight count.</exception>
    public void Validate(CheckpointMetadata metadata, string folder)
    {
        if (Users.Length != metadata.Users || Contents.Length != metadata.Contents || Topics.Length != metadata.Topics)
            throw new InvalidDataException(
                $"{Path.Combine(folder, FileName)}: {Users.Length} users, {Contents.Length} contents, {Topics.Length} topics, " +
                $"but the weights are shaped for {metadata.Users}, {metadata.Contents}, {metadata.Topics}");
    }
}
