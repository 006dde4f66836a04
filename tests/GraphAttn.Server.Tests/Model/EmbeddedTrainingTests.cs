using System.Text.Json;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Server.Modeling;

namespace GraphAttn.Server.Tests.Model;

/// <summary>
/// Which cached checkpoints the embedded default reuses. That a checkpoint it wrote itself is reused across a restart
/// (through the real JSON files) is checked end to end in <see cref="EmbeddedModelTests"/>.
/// </summary>
public sealed class EmbeddedTrainingTests
{
    private static CheckpointMetadata Written(int epochs) => new()
    {
        Model = EmbeddedTraining.ModelSettings,
        Training = EmbeddedTraining.TrainingSettings(epochs),
        FriendStructureWeight = 0.25,
        FriendValidation = new Dictionary<string, double> { ["NDCG@20"] = 0.2 },
    };

    private static CheckpointMetadata ThroughJson(CheckpointMetadata metadata) =>
        JsonSerializer.Deserialize<CheckpointMetadata>(JsonSerializer.Serialize(metadata))!;

    [Fact]
    public void Mismatch_WhatTrainingWritesNow_AfterJson_IsNone() =>
        Assert.Null(EmbeddedTraining.Mismatch(ThroughJson(Written(3)), epochs: 3));

    [Fact]
    public void Mismatch_TrainedForOtherEpochs_NamesTheTrainingSettings()
    {
        var reason = EmbeddedTraining.Mismatch(Written(3), epochs: 40);
        Assert.NotNull(reason);
        Assert.Contains("training settings", reason);
    }

    [Fact]
    public void Mismatch_OtherModelWidth_NamesTheModelSettings()
    {
        var cached = Written(3) with { Model = EmbeddedTraining.ModelSettings with { Dimension = 32 } };
        Assert.Contains("model settings", EmbeddedTraining.Mismatch(cached, epochs: 3));
    }

    [Fact]
    public void Mismatch_OlderReleaseWithoutTheStructuralTerm_IsStale()
    {
        // What an older release wrote: no FriendStructure setting (reads as today's default, on) and no fitted β.
        var json = JsonSerializer.Serialize(Written(3) with { FriendStructureWeight = 0, FriendValidation = new Dictionary<string, double>() });
        var older = JsonSerializer.Deserialize<CheckpointMetadata>(json.Replace("\"FriendStructure\":true,", ""))!;
        Assert.DoesNotContain("\"FriendStructure\"", json.Replace("\"FriendStructure\":true,", ""));
        Assert.Contains("structural term", EmbeddedTraining.Mismatch(older, epochs: 3));
    }
}
