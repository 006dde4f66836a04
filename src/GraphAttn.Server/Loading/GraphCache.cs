using System.Text.Json;
using GraphAttn.Graph;
using GraphAttn.Graph.Loading.GraphSeeds;

namespace GraphAttn.Server.Loading;

/// <summary>
/// The last graph read from a remote source (Neo4j), kept on local disk as a graph-seeds folder so a restart while the
/// database is unreachable can still serve it, with the last snapshot, while health reports not-ready. Each save goes
/// to a new folder that is renamed into place complete, then older folders are removed: a crash leaves the previous
/// cache or the new one, never a torn one.
/// </summary>
public sealed class GraphCache(string folder, bool enabled)
{
    private const string Manifest = "cache.json";

    /// <summary>Whether the configured source uses the cache (GraphAttn:Graph:Cache).</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>Where the cache lives.</summary>
    public string Folder { get; } = folder;

    /// <summary>The last problem with the cache (unreadable manifest, failed save), or null; reported by GetServiceInfo.</summary>
    public (string Message, DateTimeOffset At)? Problem { get; private set; }

    /// <summary>Writes <paramref name="graph"/> as the newest cache entry.</summary>
    public void Save(SocialGraph graph, string source, DateTimeOffset loadedAt)
    {
        try
        {
            SaveCore(graph, source, loadedAt);
            Problem = null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Problem = ($"saving into {Folder}: {ex.Message}", DateTimeOffset.UtcNow);
            throw;
        }
    }

    private void SaveCore(SocialGraph graph, string source, DateTimeOffset loadedAt)
    {
        Directory.CreateDirectory(Folder);
        var staging = Path.Combine(Folder, $".staging-{Guid.NewGuid():N}");
        GraphSeedsWriter.Write(graph, staging);
        File.WriteAllText(Path.Combine(staging, Manifest), JsonSerializer.Serialize(new Entry(source, loadedAt, graph.Fingerprint)));
        var final = Path.Combine(Folder, $"graph-{loadedAt.ToUnixTimeMilliseconds():D15}-{graph.Fingerprint}");
        if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
        Directory.Move(staging, final);
        foreach (var old in Directory.EnumerateDirectories(Folder).Where(d => d != final))
            TryDelete(old);
    }

    /// <summary>
    /// The newest complete cache entry, or null when there is none or it cannot be read (a corrupt manifest is a
    /// missing cache, recorded in <see cref="Problem"/>: it must not stop the loader that asks while the source is down).
    /// </summary>
    public (CsvGraphSource Source, Entry Entry)? Newest()
    {
        try
        {
            if (!Directory.Exists(Folder)) return null;
            var newest = Directory.EnumerateDirectories(Folder, "graph-*").Order(StringComparer.Ordinal).LastOrDefault();
            if (newest is null || !File.Exists(Path.Combine(newest, Manifest))) return null;
            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(Path.Combine(newest, Manifest)));
            return entry is null ? null : (new CsvGraphSource(newest), entry);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Problem = ($"reading {Folder}: {ex.Message}", DateTimeOffset.UtcNow);
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try { Directory.Delete(path, recursive: true); }
        catch (IOException) { /* in use or already gone: the next save retries */ }
    }

    /// <summary>What a cache entry holds: where its graph came from and when.</summary>
    public sealed record Entry(string Source, DateTimeOffset LoadedAt, string Fingerprint);
}
