using System.Diagnostics;
using System.Text.Json;
using GraphAttn.Neo4j.Benchmarks;
using GraphAttn.Neo4j.PackStream;
using GraphAttn.Neo4j.Protocol;

// Usage: dotnet run -c Release --project tests/GraphAttn.Neo4j.Benchmarks -- [records=1000000] [repeats=5]
// Needs node and `npm ci --ignore-scripts` in tests/GraphAttn.Neo4j.Tests/js for the JS side.
var records = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
var repeats = args.Length > 1 ? int.Parse(args[1]) : 5;
var bytes = PullStreamRecorder.Record(records, fetchSize: 1000);
var file = Path.Combine(Path.GetTempPath(), $"graphattn-pull-{records}.bin");
File.WriteAllBytes(file, bytes);
Console.WriteLine($"stream: {records:N0} records, {bytes.Length / 1048576.0:F1} MiB, fetch size 1000 -> {file}");

var csharp = new List<double>();
for (var r = 0; r < repeats; r++)
{
    var watch = Stopwatch.StartNew();
    var decoded = await DecodeAsync(bytes);
    watch.Stop();
    if (decoded != records) throw new InvalidOperationException($"C# decoded {decoded} records, expected {records}");
    csharp.Add(watch.Elapsed.TotalMilliseconds);
}

var js = RunJs(file, repeats);
File.Delete(file);
Report("C# (GraphAttn.Neo4j MessageReader + BoltResponse.Decode)", csharp);
Report("JS (neo4j-driver-bolt-connection 6.3.0 Dechunker + Unpacker)", js);
Console.WriteLine($"ratio C#/JS records/s: median {Median(js) / Median(csharp):F2}x, best {js.Min() / csharp.Min():F2}x");

void Report(string name, List<double> ms) =>
    Console.WriteLine($"{name}: median {records / (Median(ms) / 1000) / 1e6:F2}, best {records / (ms.Min() / 1000) / 1e6:F2} M records/s " +
                      $"(runs ms: {string.Join(", ", ms.Select(m => m.ToString("F0")))})");

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static async Task<long> DecodeAsync(byte[] bytes)
{
    var reader = new MessageReader(new MemoryStream(bytes, writable: false), 1 << 20);
    long count = 0;
    while (true)
    {
        var response = BoltResponse.Decode((await reader.ReadMessageAsync(CancellationToken.None)).Span, PackStreamLimits.Default);
        if (response.IsRecord) count++;
        else if (response.Metadata!.GetValueOrDefault("has_more") is not true && response.Metadata!.ContainsKey("t_last")) return count;
    }
}

static List<double> RunJs(string file, int repeats)
{
    var folder = FindJsFolder();
    var psi = new ProcessStartInfo("node", "packstream-oracle.js") { WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true };
    using var node = Process.Start(psi)!;
    node.StandardInput.Write(JsonSerializer.Serialize(new { op = "bench", file, repeats }));
    node.StandardInput.Close();
    var reply = JsonDocument.Parse(node.StandardOutput.ReadToEnd()).RootElement;
    node.WaitForExit();
    return reply.GetProperty("ms").EnumerateArray().Select(e => e.GetDouble()).ToList();
}

static string FindJsFolder()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
    {
        var js = Path.Combine(dir.FullName, "tests", "GraphAttn.Neo4j.Tests", "js");
        if (File.Exists(Path.Combine(js, "node_modules", "neo4j-driver-bolt-connection", "package.json"))) return js;
    }

    throw new DirectoryNotFoundException("run `npm ci --ignore-scripts` in tests/GraphAttn.Neo4j.Tests/js first");
}
