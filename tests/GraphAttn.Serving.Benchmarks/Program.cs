using System.Diagnostics;
using System.Globalization;
using GraphAttn.Serving.Benchmarks;
using GraphAttn.Serving.Retrieval;
using GraphAttn.Serving.Snapshots;

// Usage: dotnet run -c Release --project tests/GraphAttn.Serving.Benchmarks -- [items] [dims] [queries] [clusters]
// clusters = 0 gives i.i.d. Gaussian vectors. Prints a Markdown table.
int items = Arg(0, 1_000_000);
int dims = Arg(1, 64);
int queryCount = Arg(2, 1_000);
int clusters = Arg(3, 1_000);
const int K = 10;
const float Spread = 0.15f;
int cores = Environment.ProcessorCount;
var excluded = new RetrievalFilter(exclude: Enumerable.Range(0, 200).Select(i => i * 4_999 % items));

Console.WriteLine($"catalogue {items:N0} x {dims}, {(clusters > 0 ? $"{clusters} clusters spread {Spread}" : "iid Gaussian")}, {queryCount} queries, k={K}, {cores} cores");
var clock = Stopwatch.StartNew();
EmbeddingMatrix catalogue = SyntheticCatalogue.Create(items, dims, clusters, Spread, seed: 42);
float[][] queries = SyntheticCatalogue.Queries(queryCount, dims, clusters, Spread, seed: 42);
Console.WriteLine($"generated in {clock.Elapsed.TotalSeconds:F1} s");

Console.WriteLine("| index | setting | median ms | p99 ms | 1-thread q/s | " + cores + "-thread q/s | recall@10 |");
Console.WriteLine("|---|---|---|---|---|---|---|");
var exact = LatencyRun.Sequential(queries, q => ExactTopK.Search(catalogue, q, K));
double exactQps = LatencyRun.Throughput(queries, cores, q => ExactTopK.Search(catalogue, q, K));
Row("exact", "1 chunk", exact.MedianMs, exact.P99Ms, exact.Qps, exactQps, 1.0);
var exactSplit = LatencyRun.Sequential(queries, q => ExactTopK.Search(catalogue, q, K, maxParallelism: cores));
Row("exact", $"{cores} chunks", exactSplit.MedianMs, exactSplit.P99Ms, exactSplit.Qps, double.NaN, LatencyRun.Recall(exactSplit.Results, exact.Results));

clock.Restart();
using HnswIndex hnsw = HnswIndex.Build(catalogue, new HnswOptions());
Console.WriteLine($"hnsw build (M=16, efConstruction=128, {cores} threads): {clock.Elapsed.TotalSeconds:F1} s, {items / clock.Elapsed.TotalSeconds:F0} vectors/s");
foreach (int ef in new[] { 64, 128, 256 })
{
    hnsw.SetExpansionSearch(ef);
    var run = LatencyRun.Sequential(queries, q => hnsw.Search(q, K));
    double qps = LatencyRun.Throughput(queries, cores, q => hnsw.Search(q, K));
    Row("hnsw", $"ef={ef}", run.MedianMs, run.P99Ms, run.Qps, qps, LatencyRun.Recall(run.Results, exact.Results));
}

hnsw.SetExpansionSearch(64);
var exactFiltered = LatencyRun.Sequential(queries, q => ExactTopK.Search(catalogue, q, K, excluded));
var hnswFiltered = LatencyRun.Sequential(queries, q => hnsw.Search(q, K, excluded));
Row("exact", "200 excluded", exactFiltered.MedianMs, exactFiltered.P99Ms, exactFiltered.Qps, double.NaN, 1.0);
Row("hnsw", "ef=64, 200 excluded", hnswFiltered.MedianMs, hnswFiltered.P99Ms, hnswFiltered.Qps, double.NaN,
    LatencyRun.Recall(hnswFiltered.Results, exactFiltered.Results));

int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;

static void Row(string index, string setting, double median, double p99, double qps, double parallelQps, double recall) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {index} | {setting} | {median:F3} | {p99:F3} | {qps:F0} | {(double.IsNaN(parallelQps) ? "-" : parallelQps.ToString("F0", CultureInfo.InvariantCulture))} | {recall:F4} |"));
