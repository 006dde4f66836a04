using System.Collections.Concurrent;
using GraphAttn.Contracts.V1;
using GraphAttn.Server.Tests.Infrastructure;

namespace GraphAttn.Server.Tests.Model;

/// <summary>Snapshots swapped while clients keep calling: no request fails and every answer is one whole generation's.</summary>
public sealed class ReloadUnderLoadTests
{
    [Fact]
    public async Task RecommendContent_TwentySwapsUnderConcurrentLoad_NoFailure_EveryAnswerConsistent()
    {
        using var folder = new TempFolder();
        SmallSnapshots.Write(folder.Path, 0);
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: SmallSnapshots.Settings(folder.Path));
        var client = new RecommendationService.RecommendationServiceClient(host.Channel);
        var admin = new AdminService.AdminServiceClient(host.Channel);
        var failures = new ConcurrentQueue<Exception>();
        var seen = new ConcurrentDictionary<string, int>();
        using var stop = new CancellationTokenSource();

        async Task Caller()
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var r = await client.RecommendContentAsync(new RecommendContentRequest { UserId = "ann", Limit = 2, Explain = true }).Within();
                    var generation = int.Parse(r.Provenance.ModelVersion["test-model-".Length..]);
                    // Even generations lean music, odd ones sport: a torn answer would mix them.
                    var expected = generation % 2 == 0 ? new[] { "m3", "s2" } : ["s1", "s2"];
                    if (!r.Items.Select(i => i.ContentId).SequenceEqual(expected))
                        failures.Enqueue(new Exception($"generation {generation} answered {string.Join(",", r.Items.Select(i => i.ContentId))}"));
                    seen.AddOrUpdate(r.Provenance.ModelVersion, 1, (_, n) => n + 1);
                }
                catch (Exception ex)
                {
                    failures.Enqueue(ex);
                }
            }
        }

        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(Caller)).ToArray();
        for (var generation = 1; generation <= 20; generation++)
        {
            SmallSnapshots.Write(folder.Path, generation);
            // Half the swaps through the RPC, half left to the folder watcher / poll.
            if (generation % 2 == 0) await admin.ReloadSnapshotAsync(new ReloadSnapshotRequest()).Within();
            else await WaitForAsync(() => host.Models.Store!.Current?.Header.ModelId == $"test-model-{generation}");
            await Task.Delay(20);
        }
        await WaitForAsync(() => seen.ContainsKey("test-model-20"));
        stop.Cancel();
        await Task.WhenAll(callers).Within();

        Assert.Empty(failures);
        Assert.True(seen.Count >= 10, $"answers came from only {seen.Count} generations");
        Assert.True(seen.Values.Sum() >= 100, $"only {seen.Values.Sum()} calls completed");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Default;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in time");
            await Task.Delay(10);
        }
    }
}
