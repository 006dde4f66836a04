using System.Globalization;

namespace GraphAttn.Server.Benchmarks;

/// <summary>
/// Accumulates h2load runs per round and case, and prints calls/s and the ratio to the empty call per case as mean ± sd
/// over rounds (min–max in brackets). A round's calls/s is its requests over the sum of its runs' times: every user gets
/// the same request count, so this is the throughput of an even mix of those users.
/// </summary>
internal sealed class ThroughputTable(IReadOnlyList<RpcCase> cases)
{
    private readonly Dictionary<(int Round, RpcCase Rpc), (long Requests, long Succeeded, double Seconds)> _runs = [];

    /// <summary>Whether h2load saw an HTTP success for every request.</summary>
    public bool AllSucceeded => _runs.Values.All(r => r.Requests == r.Succeeded);

    public void Add(int round, RpcCase rpc, H2LoadResult run)
    {
        var sum = _runs.GetValueOrDefault((round, rpc));
        _runs[(round, rpc)] = (sum.Requests + run.Requests, sum.Succeeded + run.Succeeded, sum.Seconds + run.Seconds);
    }

    public void Print(TextWriter output, IReadOnlyDictionary<RpcCase, CheckResult> before, IReadOnlyDictionary<RpcCase, CheckResult> after)
    {
        int rounds = _runs.Keys.Max(k => k.Round) + 1;
        RpcCase empty = cases[0];
        output.WriteLine("| RPC | calls/s | ratio to empty call | HTTP 2xx | answers checked before / after |");
        output.WriteLine("|---|---:|---:|---:|---|");
        foreach (RpcCase rpc in cases)
        {
            double[] rates = [.. Enumerable.Range(0, rounds).Select(r => Rate(r, rpc))];
            double[] ratios = [.. Enumerable.Range(0, rounds).Select(r => Rate(r, rpc) / Rate(r, empty))];
            long requests = Enumerable.Range(0, rounds).Sum(r => _runs[(r, rpc)].Requests);
            long succeeded = Enumerable.Range(0, rounds).Sum(r => _runs[(r, rpc)].Succeeded);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rpc.Name} | {Summary(rates, "N0")} | {(rpc == empty ? "1" : Summary(ratios, "P1"))} | {succeeded}/{requests} | {before[rpc]} / {after[rpc]} |"));
        }
    }

    private double Rate(int round, RpcCase rpc) => _runs[(round, rpc)].Requests / _runs[(round, rpc)].Seconds;

    private static string Summary(double[] values, string format)
    {
        double mean = values.Average();
        double sd = values.Length < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return string.Create(CultureInfo.InvariantCulture,
            $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {sd.ToString(format, CultureInfo.InvariantCulture)} ({values.Min().ToString(format, CultureInfo.InvariantCulture)}–{values.Max().ToString(format, CultureInfo.InvariantCulture)})");
    }
}
