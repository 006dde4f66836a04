using System.Text.Json.Nodes;
using GraphAttn.Model.Modeling;

namespace GraphAttn.Model.Checkpoints;

/// <summary>
/// Model options of checkpoints written before version 3. Every option is written with every checkpoint, but an option
/// added later is absent from the older files, and JSON fills an absent field with today's default: a default that
/// changed would silently change what an old checkpoint computes. An absent option therefore takes the value of the
/// code that wrote the file, which is the behaviour from before the option existed.
/// </summary>
internal static class LegacyModelOptions
{
    /// <summary><paramref name="options"/> with every option missing from the checkpoint JSON set to its legacy value.</summary>
    /// <param name="options">As deserialised (missing options hold today's defaults).</param>
    /// <param name="json">The checkpoint.json text.</param>
    public static ModelOptions Fill(ModelOptions options, string json)
    {
        var written = JsonNode.Parse(json)?["Model"] as JsonObject;
        bool Has(string name) => written?.ContainsKey(name) == true;
        return options with
        {
            PropagationLayers = Has(nameof(ModelOptions.PropagationLayers)) ? options.PropagationLayers : 0,
            Normalize = Has(nameof(ModelOptions.Normalize)) && options.Normalize,
            HistoryLayers = Has(nameof(ModelOptions.HistoryLayers)) ? options.HistoryLayers : 1,
            FriendPropagationLayers = Has(nameof(ModelOptions.FriendPropagationLayers)) ? options.FriendPropagationLayers : 0,
        };
    }
}
