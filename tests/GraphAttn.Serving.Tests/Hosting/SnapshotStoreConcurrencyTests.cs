using System.Collections.Concurrent;
using GraphAttn.Ranking;
using GraphAttn.Serving.Retrieval;
using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Store;

namespace GraphAttn.Serving.Tests.Hosting;

/// <summary>Readers search continuously while the store swaps many times; none may fail or see a disposed snapshot.</summary>
public sealed class SnapshotStoreConcurrencyTests
{
    private const int Dims = 8;
    private const int Items = 500;

    // Every vector of generation g is (g, g, ...), so a search result proves which generation answered it.
    private static EmbeddingSnapshot Generation(int g) => new(
        new SnapshotHeader($"gen-{g}", "fp", DateTimeOffset.UnixEpoch.AddSeconds(g)),
        Enumerable.Range(0, 3).Select(u => $"u{u}").ToArray(),
        Enumerable.Range(0, Items).Select(c => $"c{c}").ToArray(),
        new EmbeddingMatrix(Enumerable.Repeat((float)g, 3 * Dims).ToArray(), 3, Dims),
        new EmbeddingMatrix(Enumerable.Repeat((float)g, Items * Dims).ToArray(), Items, Dims),
        AttentionTable.Empty(3), AttentionTable.Empty(3));

    [Fact]
    public async Task Acquire_WhileSwappingFortyTimes_NoReaderFailsAndEveryOldSnapshotIsDisposed()
    {
        using var folder = new TempFolder();
        SnapshotWriter.Write(Generation(1), folder.File("gen-0001.gasnap"));
        var options = new SnapshotStoreOptions { Folder = folder.Path, WatchFolder = true, PollInterval = TimeSpan.FromMilliseconds(50) };
        await using var store = new SnapshotStore(options);
        await store.StartAsync().Within();
        var seen = new ConcurrentDictionary<ServingSnapshot, byte>();
        var failures = new ConcurrentQueue<Exception>();
        long searches = 0;
        using var stop = new CancellationTokenSource();

        Task[] readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            float[] query = Enumerable.Repeat(1f, Dims).ToArray();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using SnapshotLease lease = store.Acquire();
                    ServingSnapshot snapshot = lease.Snapshot;
                    seen.TryAdd(snapshot, 0);
                    int g = int.Parse(snapshot.Embeddings.Header.ModelId["gen-".Length..], System.Globalization.CultureInfo.InvariantCulture);
                    ScoredIndex[] top = snapshot.Contents.Search(query, 10, new RetrievalFilter(exclude: [0, 1]));
                    Assert.Equal(10, top.Length);
                    Assert.All(top, t => Assert.Equal(g * Dims, t.Score));
                    Interlocked.Increment(ref searches);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            }
        })).ToArray();

        for (int g = 2; g <= 41; g++)
        {
            SnapshotWriter.Write(Generation(g), folder.File($"gen-{g:D4}.gasnap"));
            File.SetLastWriteTimeUtc(folder.File($"gen-{g:D4}.gasnap"), DateTime.UtcNow.AddSeconds(g));
            if (g % 2 == 0)
            {
                await store.ReloadAsync().Within();
            }
            else
            {
                int want = g;
                await TestTimeouts.Until(() => store.Current?.Header.ModelId == $"gen-{want}", $"gen-{want} to be picked up");
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers).Within();

        Assert.Empty(failures);
        Assert.Equal("gen-41", store.Current!.Value.Header.ModelId);
        Assert.True(searches > 40, $"only {searches} searches ran");
        Assert.True(seen.Count > 5, $"readers saw only {seen.Count} generations");
        Assert.All(seen.Keys.Where(s => s.Header.ModelId != "gen-41"), s => Assert.True(s.IsDisposed, $"{s.Header.ModelId} not disposed"));
    }
}
