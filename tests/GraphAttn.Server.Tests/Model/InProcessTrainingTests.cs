using System.Text.Json;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Server.ModelLifecycle;

namespace GraphAttn.Server.Tests.Model;

/// <summary>
/// Which cached checkpoints the embedded default reuses. That a checkpoint it wrote itself is reused across a restart
/// (through the real JSON files) is checked end to end in <see cref="InProcessModelTests"/>.
/// </summary>
public sealed class EmbeddedTrainingTests
{
    private static CheckpointMetadata Written(int epochs) => new()
    {
        Model = InProcessTraining.ModelSettings,
        Training = InProcessTraining.TrainingSettings(epochs),
        FriendStructureWeight = 0.25,
        FriendValidation = new Dictionary<string, double> { ["NDCG@20"] = 0.2 },
    };

    private static CheckpointMetadata ThroughJson(CheckpointMetadata metadata) =>
        JsonSerializer.Deserialize<CheckpointMetadata>(JsonSerializer.Serialize(metadata))!;

    [Fact]
    public void Mismatch_WhatTrainingWritesNow_AfterJson_IsNone() =>
        Assert.Null(InProcessTraining.Mismatch(ThroughJson(Written(3)), epochs: 3));

    [Fact]
    public void Mismatch_TrainedForOtherEpochs_NamesTheTrainingSettings()
    {
        var reason = InProcessTraining.Mismatch(Written(3), epochs: 40);
        Assert.NotNull(reason);
        Assert.Contains("training settings", reason);
    }

    [Fact]
    public void Mismatch_OtherModelWidth_NamesTheModelSettings()
    {
        var cached = Written(3) with { Model = InProcessTraining.ModelSettings with { Dimension = 32 } };
        Assert.Contains("model settings", InProcessTraining.Mismatch(cached, epochs: 3));
    }

    [Fact]
    public void Mismatch_OlderReleaseWithoutTheStructuralTerm_IsStale()
    {
        // What an older release wrote: no FriendStructure setting (reads as today's default, on) and no fitted β.
        var json = JsonSerializer.Serialize(Written(3) with { FriendStructureWeight = 0, FriendValidation = new Dictionary<string, double>() });
        var older = JsonSerializer.Deserialize<CheckpointMetadata>(json.Replace("\"FriendStructure\":true,", ""))!;
        Assert.DoesNotContain("\"FriendStructure\"", json.Replace("\"FriendStructure\":true,", ""));
        Assert.Contains("structural term", InProcessTraining.Mismatch(older, epochs: 3));
    }
}
