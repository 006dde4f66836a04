using System.Text.Json.Nodes;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Modeling;

namespace GraphAttn.Model.Tests.Training;

public sealed class LegacyCheckpointTests
{
    [Fact]
    public void ReadMetadata_OlderVersionWithoutNewerOptions_TakesTheValuesOfTheCodeThatWroteIt()
    {
        var folder = Directory.CreateTempSubdirectory("graphattn-legacy-").FullName;
        try
        {
            // A version 2 file from before propagation, history layers and friend propagation existed.
            var json = new JsonObject
            {
                ["Version"] = 2,
                ["Users"] = 3,
                ["Contents"] = 2,
                ["Topics"] = 1,
                ["Model"] = new JsonObject { ["Dimension"] = 8, ["Heads"] = 2, ["HistoryLength"] = 10, ["AttentionDropout"] = 0.1, ["HistoryDropout"] = 0.1, ["TimeBuckets"] = 16 },
            };
            File.WriteAllText(Path.Combine(folder, Checkpoint.MetadataFile), json.ToJsonString());
            var legacy = Checkpoint.ReadMetadata(folder).Model;
            Assert.Equal((0, 1, 0, false), (legacy.PropagationLayers, legacy.HistoryLayers, legacy.FriendPropagationLayers, legacy.Normalize));
            Assert.Equal(10, legacy.HistoryLength);

            // The same options in a current file take today's defaults.
            json["Version"] = Checkpoint.CurrentVersion;
            File.WriteAllText(Path.Combine(folder, Checkpoint.MetadataFile), json.ToJsonString());
            var today = new ModelOptions();
            var current = Checkpoint.ReadMetadata(folder).Model;
            Assert.Equal((today.PropagationLayers, today.HistoryLayers, today.FriendPropagationLayers),
                (current.PropagationLayers, current.HistoryLayers, current.FriendPropagationLayers));
            Assert.NotEqual((legacy.PropagationLayers, legacy.HistoryLayers), (current.PropagationLayers, current.HistoryLayers));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
