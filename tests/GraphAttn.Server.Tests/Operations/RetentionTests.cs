using GraphAttn.Serving.Store;

namespace GraphAttn.Server.Tests.Operations;

public class RetentionTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public void PruneSnapshots_KeepsTheNewestAndTheOneInUse_IgnoresOtherFiles()
    {
        using var folder = new TempFolder();
        var files = Enumerable.Range(0, 5).Select(i => Touch(folder.File($"s{i}.gasnap"), Now.AddHours(i - 10))).ToList();
        var hidden = Touch(folder.File(".s9.gasnap.abc.tmp"), Now.AddHours(-20));
        var other = Touch(folder.File("notes.txt"), Now.AddHours(-20));

        var outcome = FolderRetention.PruneSnapshots(folder.Path, keep: 2, inUse: files[0]);

        Assert.Equal([files[1], files[2]], outcome.Removed.Order());
        Assert.All([files[0], files[3], files[4], hidden, other], f => Assert.True(File.Exists(f), f));
    }

    [Fact]
    public void PruneFolders_KeepsTheNewestCheckpointsAndTheOneInUse()
    {
        using var folder = new TempFolder();
        var dirs = Enumerable.Range(0, 4).Select(i =>
        {
            var d = Directory.CreateDirectory(folder.File($"ck{i}"));
            Directory.SetLastWriteTimeUtc(d.FullName, Now.AddHours(i - 10));
            return d.FullName;
        }).ToList();

        FolderRetention.PruneFolders(folder.Path, keep: 1, inUse: dirs[1]);

        Assert.Equal([dirs[1], dirs[3]], Directory.GetDirectories(folder.Path).Order());
    }

    [Fact]
    public void RemoveStrays_OldTemporaryFilesAndStagingFolders_YoungOnesAndRealFilesStay()
    {
        using var folder = new TempFolder();
        var oldTemp = Touch(folder.File(".trained.gasnap.0123.tmp"), Now.AddHours(-3));
        var youngTemp = Touch(folder.File(".other.gasnap.4567.tmp"), Now.AddMinutes(-1));
        var real = Touch(folder.File("trained.gasnap"), Now.AddHours(-3));
        var staging = Directory.CreateDirectory(folder.File("abc.staging-0123")).FullName;
        Directory.SetLastWriteTimeUtc(staging, Now.AddHours(-3));
        var checkpoint = Directory.CreateDirectory(folder.File("ck")).FullName;
        var inner = Touch(Path.Combine(checkpoint, "checkpoint.json.tmp"), Now.AddHours(-3));

        var outcome = FolderRetention.RemoveStrays(folder.Path, TimeSpan.FromMinutes(60), Now);

        Assert.Equal(new[] { oldTemp, staging, inner }.Order(), outcome.Removed.Order());
        Assert.True(File.Exists(youngTemp) && File.Exists(real) && Directory.Exists(checkpoint));
    }

    [Fact]
    public async Task ServerStart_RemovesStrayTemporaryFilesFromItsDataFolder()
    {
        using var data = new TempFolder();
        var stray = Directory.CreateDirectory(Path.Combine(data.Path, "checkpoints", "0123.staging-feed")).FullName;
        Directory.SetLastWriteTimeUtc(stray, Now.AddDays(-1));

        await using var host = await TestServerHost.StartAsync(Infrastructure.TestGraphs.Small(), new() { ["GraphAttn:Model:DataPath"] = data.Path });

        Assert.False(Directory.Exists(stray));
    }

    private static string Touch(string path, DateTime writtenAt)
    {
        File.WriteAllText(path, "x");
        File.SetLastWriteTimeUtc(path, writtenAt);
        return path;
    }
}
