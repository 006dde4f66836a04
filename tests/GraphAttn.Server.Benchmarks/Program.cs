using System.Diagnostics;
using System.Globalization;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Server.Loading;
using Microsoft.Extensions.Logging;

// dotnet run -c Release --project tests/GraphAttn.Server.Benchmarks -- fuzz [--requests N] [--seed S] [--concurrency C] [--reload-every R]
// Sends N fuzzed bodies (FuzzBodies: the generator of the server tests) round-robin to every unary RPC of the full
// server pipeline in process (authentication, limits, body check, interceptors, handlers) over the demo graph, and
// reports throughput, the status codes seen and the bytes logged per request. Exit 1 if any answer is UNKNOWN or
// INTERNAL (or any other status a caller could not act on).
var requests = Arg("--requests", 1_000_000);
var seed = Arg("--seed", 2026);
var concurrency = Arg("--concurrency", Environment.ProcessorCount * 2);
// ReloadSnapshot rebuilds the serving state (tens of milliseconds, serialised): at an equal share it would be all
// this measures, so it gets one request in R.
var reloadEvery = Arg("--reload-every", 1000);
if (args.Length == 0 || args[0] != "fuzz")
{
    Console.Error.WriteLine("usage: fuzz [--requests N] [--seed S] [--concurrency C]");
    return 2;
}

// The host reads appsettings.json (log levels) from the current directory, as the server does beside its binaries.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var graph = new CsvGraphSource(GraphSourceFactory.EmbeddedDemoPath).Load();
static IEnumerable<string> First(GraphAttn.Graph.IdMap ids, int n) => Enumerable.Range(0, Math.Min(n, ids.Count)).Select(i => ids[i]);
var bodies = new FuzzBodies(First(graph.Users, 50), First(graph.Contents, 50), First(graph.Topics, 10));
var logs = new CountingLogs();
await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => graph), logs: logs, settings: new()
{
    ["GraphAttn:RateLimit:PermitsPerSecond"] = "0",
    ["GraphAttn:RateLimit:ConcurrentPerCaller"] = "0",
});
using var raw = RawGrpc.For(host);
int[] acceptable = [0, 3, 5, 8, 9, 14];
var reload = bodies.Methods.Single(m => m.Path.EndsWith("/ReloadSnapshot", StringComparison.Ordinal));
var others = bodies.Methods.Where(m => m != reload).ToArray();
var statuses = new long[17];
long sent = 0, failures = 0;
var logBefore = logs.Bytes;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
{
    var random = new Random(seed + worker);
    long i;
    while ((i = Interlocked.Increment(ref sent)) <= requests)
    {
        var (path, valid) = i % reloadEvery == 0 ? reload : others[i % others.Length];
        var body = FuzzBodies.Next(random, valid(random));
        var (status, message) = await raw.CallAsync(path, body);
        Interlocked.Increment(ref statuses[Math.Clamp(status, 0, 16)]);
        if (!acceptable.Contains(status) && Interlocked.Increment(ref failures) <= 5)
            Console.Error.WriteLine($"{path} answered {status} ({message}) to {Convert.ToHexString(body)}");
    }
})));
var seconds = clock.Elapsed.TotalSeconds;
var logged = logs.Bytes - logBefore;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{requests:N0} requests in {seconds:F1} s ({requests / seconds:N0}/s, concurrency {concurrency}, seed {seed}, one reload in {reloadEvery})"));
Console.WriteLine("statuses: " + string.Join(", ", statuses.Select((n, code) => (n, code)).Where(s => s.n > 0).Select(s => $"{(Grpc.Core.StatusCode)s.code} {s.n:N0}")));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"log: {logged:N0} bytes, {(double)logged / requests:F2} bytes per request"));
Console.WriteLine($"unacceptable answers: {failures:N0}");
return failures == 0 ? 0 : 1;

int Arg(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

// Counts the bytes the server would log at its configured levels (appsettings.json beside the binaries).
internal sealed class CountingLogs : ILoggerProvider
{
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(CountingLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Interlocked.Add(ref owner._bytes, formatter(state, exception).Length + (exception?.ToString().Length ?? 0));
    }
}
