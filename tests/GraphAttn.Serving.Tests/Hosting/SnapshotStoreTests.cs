using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Store;
using GraphAttn.Serving.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GraphAttn.Serving.Tests.Hosting;

public sealed class SnapshotStoreTests
{
    private static SnapshotStoreOptions Manual(string folder) =>
        new() { Folder = folder, WatchFolder = false, PollInterval = Timeout.InfiniteTimeSpan };

    private static void WriteAt(string path, EmbeddingSnapshot snapshot, int minutesAgo)
    {
        SnapshotWriter.Write(snapshot, path);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-minutesAgo));
    }

    [Fact]
    public async Task StartAsync_SeveralFiles_ServesNewestValid()
    {
        using var folder = new TempFolder();
        WriteAt(folder.File("a.gasnap"), TestSnapshots.Create(modelId: "older"), minutesAgo: 10);
        WriteAt(folder.File("b.gasnap"), TestSnapshots.Create(modelId: "newest"), minutesAgo: 5);
        File.WriteAllText(folder.File("c.gasnap"), "not a snapshot");
        File.SetLastWriteTimeUtc(folder.File("c.gasnap"), DateTime.UtcNow.AddMinutes(-1));
        await using var store = new SnapshotStore(Manual(folder.Path));

        SnapshotReloadResult result = await store.StartAsync().Within();

        Assert.Equal(SnapshotReloadOutcome.Swapped, result.Outcome);
        Assert.Equal("newest", store.Current!.Value.Header.ModelId);
        Assert.Equal(folder.File("c.gasnap"), Assert.Single(result.Rejected).Path);
    }

    [Fact]
    public async Task ReloadAsync_CorruptNewerFile_LogsAndKeepsServingOld()
    {
        using var folder = new TempFolder();
        WriteAt(folder.File("a.gasnap"), TestSnapshots.Create(modelId: "good"), minutesAgo: 10);
        var logger = new ListLogger<SnapshotStore>();
        await using var store = new SnapshotStore(Manual(folder.Path), logger);
        await store.StartAsync().Within();
        byte[] bytes = TestSnapshots.ToBytes(TestSnapshots.Create(modelId: "bad"));
        File.WriteAllBytes(folder.File("b.gasnap"), bytes.AsSpan(0, bytes.Length - 3).ToArray());

        SnapshotReloadResult result = await store.ReloadAsync().Within();

        Assert.Equal(SnapshotReloadOutcome.Unchanged, result.Outcome);
        Assert.Equal("good", store.Current!.Value.Header.ModelId);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("b.gasnap") && e.Message.Contains("truncated"));
        using SnapshotLease lease = store.Acquire();
        Assert.Equal("good", lease.Snapshot.Embeddings.Header.ModelId);
    }

    [Fact]
    public async Task ReloadAsync_NewerValidFile_SwapsAndDisposesOldAfterLastLease()
    {
        using var folder = new TempFolder();
        WriteAt(folder.File("a.gasnap"), TestSnapshots.Create(modelId: "v1"), minutesAgo: 10);
        await using var store = new SnapshotStore(Manual(folder.Path));
        await store.StartAsync().Within();
        SnapshotLease inFlight = store.Acquire();
        WriteAt(folder.File("b.gasnap"), TestSnapshots.Create(modelId: "v2"), minutesAgo: 1);

        SnapshotReloadResult result = await store.ReloadAsync().Within();

        Assert.Equal(SnapshotReloadOutcome.Swapped, result.Outcome);
        Assert.Equal("v2", store.Current!.Value.Header.ModelId);
        ServingSnapshot old = inFlight.Snapshot;
        Assert.False(old.IsDisposed);
        Assert.Equal(3, old.Contents.Search(new float[4], 3).Length);
        inFlight.Dispose();
        Assert.True(old.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => old.Contents);
    }

    [Fact]
    public async Task StartAsync_EmptyFolder_ServesNothingUntilAFileArrives()
    {
        using var folder = new TempFolder();
        await using var store = new SnapshotStore(Manual(folder.Path));

        SnapshotReloadResult result = await store.StartAsync().Within();

        Assert.Equal(SnapshotReloadOutcome.NoSnapshot, result.Outcome);
        Assert.False(store.TryAcquire(out _));
        Assert.Throws<InvalidOperationException>(() => store.Acquire());
        SnapshotWriter.Write(TestSnapshots.Create(modelId: "first"), folder.File("a.gasnap"));
        Assert.Equal(SnapshotReloadOutcome.Swapped, (await store.ReloadAsync().Within()).Outcome);
    }

    [Fact]
    public async Task Watcher_NewFileRenamedIn_SwapsWithoutExplicitReload()
    {
        using var folder = new TempFolder();
        WriteAt(folder.File("a.gasnap"), TestSnapshots.Create(modelId: "v1"), minutesAgo: 10);
        await using var store = new SnapshotStore(Manual(folder.Path) with { WatchFolder = true });
        await store.StartAsync().Within();

        SnapshotWriter.Write(TestSnapshots.Create(modelId: "v2"), folder.File("b.gasnap"));

        await TestTimeouts.Until(() => store.Current?.Header.ModelId == "v2", "the watcher to swap in v2", TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Polling_NewFile_SwapsWithoutWatcher()
    {
        using var folder = new TempFolder();
        WriteAt(folder.File("a.gasnap"), TestSnapshots.Create(modelId: "v1"), minutesAgo: 10);
        await using var store = new SnapshotStore(Manual(folder.Path) with { PollInterval = TimeSpan.FromMilliseconds(100) });
        await store.StartAsync().Within();

        SnapshotWriter.Write(TestSnapshots.Create(modelId: "v2"), folder.File("b.gasnap"));

        await TestTimeouts.Until(() => store.Current?.Header.ModelId == "v2", "polling to swap in v2", TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task ReloadAsync_AfterDispose_ThrowsObjectDisposed()
    {
        using var folder = new TempFolder();
        var store = new SnapshotStore(Manual(folder.Path));
        await store.StartAsync().Within();
        await store.DisposeAsync().AsTask().Within();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ReloadAsync().Within());
    }

    [Fact]
    public async Task PublishAsync_InMemorySnapshot_ServesItUntilANewerFileArrives()
    {
        using var folder = new TempFolder();
        WriteAt(folder.File("a.gasnap"), TestSnapshots.Create(modelId: "file-old"), minutesAgo: 10);
        await using var store = new SnapshotStore(Manual(folder.Path));
        await store.StartAsync().Within();

        await store.PublishAsync(ServingSnapshot.FromSnapshot(SnapshotFileInfo.InMemory("fresh"), TestSnapshots.Create(modelId: "in-memory"))).Within();
        SnapshotReloadResult unchanged = await store.ReloadAsync().Within();
        SnapshotWriter.Write(TestSnapshots.Create(modelId: "file-new"), folder.File("b.gasnap"));
        File.SetLastWriteTimeUtc(folder.File("b.gasnap"), DateTime.UtcNow.AddMinutes(1));
        SnapshotReloadResult swapped = await store.ReloadAsync().Within();

        Assert.Equal(SnapshotReloadOutcome.Unchanged, unchanged.Outcome);
        Assert.Equal(SnapshotReloadOutcome.Swapped, swapped.Outcome);
        Assert.Equal("file-new", store.Current!.Value.Header.ModelId);
    }
}
