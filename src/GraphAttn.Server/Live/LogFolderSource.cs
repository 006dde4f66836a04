using GraphAttn.Contracts.V1;
using GraphAttn.Graph.Live;
using GraphAttn.Serving.Events.Log;

namespace GraphAttn.Server.Live;

/// <summary>
/// The CSV source's event store: every replica sharing a data folder appends to its own log file there
/// (&lt;replica&gt;.galog, claimed with an exclusive OS lock), and reads every log file, its own included, from its own
/// offsets: a restart replays them all on top of the CSV graph, and each sync reads what any replica appended since.
/// </summary>
public sealed class LogFolderSource : ILiveSource
{
    private readonly string _folder;
    private readonly EventLogWriter _own;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, EventLogTail> _tails = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];

    private LogFolderSource(string folder, EventLogWriter own)
    {
        _folder = folder;
        _own = own;
        if (own.Opened.Problem is { } problem)
        {
            _problems.Add($"{Path.GetFileName(own.Path)}: {problem} at start");
        }
    }

    /// <summary>This replica's log.</summary>
    public EventLogWriter Own => _own;

    /// <inheritdoc />
    public string Store => $"event-log:{_own.Path}";

    /// <summary>
    /// Claims this replica's log in <paramref name="folder"/>: <paramref name="replicaId"/> when given (its log must be
    /// free), else the first free of <paramref name="fallbackName"/>, <paramref name="fallbackName"/>-2, -3, ...
    /// </summary>
    /// <exception cref="IOException">The named replica's log is held by another process.</exception>
    public static LogFolderSource Open(string folder, string replicaId, string fallbackName) =>
        new(folder, Claim(folder, replicaId, fallbackName, maxBytes: null));

    /// <summary>
    /// Opens this replica's log in <paramref name="folder"/>: &lt;<paramref name="replicaId"/>&gt;.galog when one is
    /// configured (it must be free), else the first free of <paramref name="fallbackName"/>, -2, -3, ...
    /// </summary>
    public static EventLogWriter Claim(string folder, string replicaId, string fallbackName, long? maxBytes)
    {
        Directory.CreateDirectory(folder);
        if (replicaId.Length > 0)
        {
            return EventLogWriter.Open(LogPath(folder, replicaId), maxBytes);
        }

        for (int n = 1; ; n++)
        {
            string name = n == 1 ? fallbackName : $"{fallbackName}-{n}";
            try
            {
                return EventLogWriter.Open(LogPath(folder, name), maxBytes);
            }
            catch (IOException) when (n < 64 && File.Exists(EventLogWriter.ClaimPath(LogPath(folder, name))))
            {
                // Held by another process on this folder: try the next name.
            }
        }
    }

    /// <inheritdoc />
    public Task BeforeLoadAsync(CancellationToken ct) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task<IReadOnlyList<GraphEvent>> AfterLoadAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            _tails.Clear();
            return ReadAll();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task AppendAsync(GraphEvent e, CancellationToken ct) => await _own.AppendAsync(e);

    /// <inheritdoc />
    public async Task<IReadOnlyList<GraphEvent>> PollAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return ReadAll();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Describe(LiveStatus status)
    {
        status.Mode = "direct";
        lock (_tails)
        {
            foreach (var tail in _tails.Values.OrderBy(t => t.Path, StringComparer.Ordinal))
            {
                status.Sources.Add($"{Path.GetFileName(tail.Path)}: {tail.Records} records");
                if (tail.Problem is { } problem)
                {
                    status.Problems.Add($"{Path.GetFileName(tail.Path)}: {problem}");
                }
            }
        }

        status.Problems.AddRange(_problems);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _own.DisposeAsync();

    private List<GraphEvent> ReadAll()
    {
        var events = new List<GraphEvent>();
        foreach (string path in Directory.EnumerateFiles(_folder, "*" + EventLogFile.Extension).Order(StringComparer.Ordinal))
        {
            EventLogTail? tail;
            lock (_tails)
            {
                if (!_tails.TryGetValue(path, out tail))
                {
                    _tails[path] = tail = new EventLogTail(path);
                }
            }

            events.AddRange(tail.ReadNew());
        }

        return events;
    }

    private static string LogPath(string folder, string replica) => Path.Combine(folder, replica + EventLogFile.Extension);
}
