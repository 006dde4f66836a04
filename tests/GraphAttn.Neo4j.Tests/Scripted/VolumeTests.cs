using GraphAttn.Neo4j.Driver;
using GraphAttn.Neo4j.Tests.Support;
using GraphAttn.Tests.Shared.Bolt;

namespace GraphAttn.Neo4j.Tests.Scripted;

// GC.GetTotalMemory is process-wide: run alone, after the parallel tests, so no other test's allocations count.
[CollectionDefinition(nameof(VolumeTests), DisableParallelization = true)]
public sealed class VolumeTestsCollection;

[Collection(nameof(VolumeTests))]
public sealed class VolumeTests
{
    [Fact]
    public async Task RunAsync_MillionRowResult_StreamsInBoundedMemory()
    {
        const long rows = 1_000_000; // ~110 MB on the wire
        await using var server = new StreamingBoltServer(rows);
        await using var driver = Neo4jDriver.Create(server.Uri, StubScripts.Auth, StubScripts.Config() with { FetchSize = 5_000 });
        await using var session = driver.AsyncSession();
        var cursor = await session.RunAsync("UNWIND range(0, 999999) AS i RETURN i, $pad AS pad").Within();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long seen = 0, peakLive = 0;
        await foreach (var record in cursor.WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token))
        {
            Assert.Equal(seen++, record.Get<long>("i"));
            if (seen % 100_000 == 0)
            {
                peakLive = Math.Max(peakLive, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        Assert.Equal(rows, seen);
        Assert.Equal(200, server.Pulls);
        Assert.True(peakLive < 16 << 20, $"live memory grew by {peakLive / 1048576.0:F1} MiB while streaming");
    }
}
