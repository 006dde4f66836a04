using System.Diagnostics;
using GraphAttn.Serving.CrashWriter;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Tests.Snapshots;

/// <summary>Kills a writer process at random points and checks the destination is always one complete generation.</summary>
public sealed class SnapshotCrashTests
{
    private const int Users = 20_000;
    private const int Contents = 20_000;
    private const int Dims = 32;

    [Fact]
    public async Task Write_KilledAtRandomPoints_LeavesOldOrNewSnapshotNeverTorn()
    {
        using var folder = new TempFolder();
        string path = folder.File("live" + SnapshotFormat.Extension);
        SnapshotWriter.Write(GenerationSnapshot.Create(0, Users, Contents, Dims), path);
        var random = new Random(7);
        int generation = 0;
        int killsMidWrite = 0;
        for (int round = 0; round < 10; round++)
        {
            int before = generation;
            int lastReported = await RunAndKillAsync(path, before + 1, writesBeforeKill: random.Next(1, 4), delayMs: random.Next(0, 60));
            EmbeddingSnapshot survivor = SnapshotReader.Read(path);
            generation = int.Parse(survivor.Header.ModelId["gen-".Length..], System.Globalization.CultureInfo.InvariantCulture);

            // The survivor is the old file or one the child wrote; at most one past its last report (killed after rename).
            Assert.InRange(generation, before, Math.Max(before, lastReported) + 1);
            Assert.Equal(GenerationSnapshot.Create(generation, Users, Contents, Dims).ContentVectors.Data, survivor.ContentVectors.Data);
            killsMidWrite += Directory.GetFiles(folder.Path, ".*.tmp").Length > 0 ? 1 : 0;
            foreach (string temp in Directory.GetFiles(folder.Path, ".*.tmp"))
            {
                File.Delete(temp);
            }
        }

        Assert.True(killsMidWrite > 0, "no kill landed during a write, so the test proved nothing");
    }

    /// <summary>Starts the writer, kills it <paramref name="delayMs"/> after it starts write number
    /// <paramref name="writesBeforeKill"/> (a write of this size takes tens of ms), returns the last finished generation.</summary>
    private static async Task<int> RunAndKillAsync(string path, int firstGeneration, int writesBeforeKill, int delayMs)
    {
        string writer = Path.Combine(AppContext.BaseDirectory, "GraphAttn.Serving.CrashWriter.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { writer, path, $"{Users}", $"{Contents}", $"{Dims}", $"{firstGeneration}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        int lastReported = firstGeneration - 1;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int started = 0;
        string? line;
        while (started < writesBeforeKill && (line = await child.StandardOutput.ReadLineAsync(timeout.Token)) is not null)
        {
            started += line.StartsWith("writing ", StringComparison.Ordinal) ? 1 : 0;
            lastReported = Finished(line, lastReported);
        }

        await Task.Delay(delayMs, timeout.Token);
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync(timeout.Token);
        while ((line = await child.StandardOutput.ReadLineAsync(timeout.Token)) is not null)
        {
            lastReported = Finished(line, lastReported);
        }

        return lastReported;
    }

    private static int Finished(string line, int lastReported) =>
        line.StartsWith("wrote ", StringComparison.Ordinal)
            ? int.Parse(line["wrote ".Length..], System.Globalization.CultureInfo.InvariantCulture)
            : lastReported;
}
