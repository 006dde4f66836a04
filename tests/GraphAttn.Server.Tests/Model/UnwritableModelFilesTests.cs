using GraphAttn.Contracts.V1;
using GraphAttn.Model.Jobs;
using GraphAttn.Server.ModelLifecycle;
using GraphAttn.Server.Tests.Infrastructure;
using GraphAttn.Serving.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace GraphAttn.Server.Tests.Model;

[Collection(nameof(ModelTrainingCollection))]
public sealed class UnwritableModelFilesTests
{
    [Fact]
    public async Task EmbeddedMode_DiskFull_TrainedModelServedFromMemory_InfoReportsBothFiles()
    {
        using var data = new TempFolder();
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Clustered()), settings: new()
        {
            ["GraphAttn:Model:Mode"] = "train",
            ["GraphAttn:Model:DataPath"] = data.Path,
            ["GraphAttn:Model:TrainEpochs"] = "3",
        }, services: s => s.AddSingleton<IModelFiles>(new FullDisk()));
        await host.Services.GetRequiredService<ModelLifecycleService>().Settled.WaitAsync(TimeSpan.FromMinutes(4));

        var info = await new AdminService.AdminServiceClient(host.Channel).GetServiceInfoAsync(new()).Within();
        var content = await new RecommendationService.RecommendationServiceClient(host.Channel)
            .RecommendContentAsync(new() { UserId = "u00", Limit = 5 }).Within();

        Assert.True(info.Model.Live == "gat", $"{info.Model.Phase}: {info.Model.Detail}");
        Assert.Equal("gat", content.Provenance.Method);
        Assert.Contains(info.BackgroundFailures, f => f.Component == "checkpoint_write" && f.Message.Contains("No space left", StringComparison.Ordinal));
        Assert.Contains(info.BackgroundFailures, f => f.Component == "snapshot_write");
        Assert.Empty(Directory.GetFiles(Path.Combine(data.Path, "snapshots"), "*.gasnap"));
    }

    private sealed class FullDisk : IModelFiles
    {
        public void SaveCheckpoint(TrainedModel trained, string folder) => throw new IOException("No space left on device");

        public void WriteSnapshot(EmbeddingSnapshot snapshot, string path) => throw new IOException("No space left on device");
    }
}
