using System.Globalization;
using GraphAttn.Live.Benchmarks;

// Usage (Release; see README.md):
//   dotnet run -c Release --project tests/GraphAttn.Live.Benchmarks -- ingest [graph folder or "" for the demo] [connections] [streams] [seconds] [rounds]
//   dotnet run -c Release --project tests/GraphAttn.Live.Benchmarks -- flood <graph folder> [events] [calls in flight] [compact every] [sample users] [sample seconds]
string mode = args.Length > 0 ? args[0] : "";
return mode switch
{
    "ingest" => await IngestBenchmark.RunAsync(Arg(1, ""), Int(2, 8), Int(3, 4), TimeSpan.FromSeconds(Int(4, 10)), Int(5, 3)),
    "flood" => await FloodBenchmark.RunAsync(Arg(1, "graph-seeds/bench-100k"), Int(2, 1_000_000), Int(3, 64), Int(4, 100_000), Int(5, 200),
        TimeSpan.FromSeconds(Int(6, 5))),
    _ => Usage(),
};

string Arg(int i, string fallback) => args.Length > i ? args[i] : fallback;

int Int(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;

static int Usage()
{
    Console.Error.WriteLine("usage: ingest [graph] [connections] [streams] [seconds] [rounds] | flood <graph> [events] [in flight] [compact every] [sample users] [sample seconds]");
    return 2;
}
