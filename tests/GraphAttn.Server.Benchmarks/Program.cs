using GraphAttn.Server.Benchmarks;

// RPC throughput of the real server under h2load, relative to an empty call: see README.md.
ThroughputOptions options;
try
{
    options = ThroughputOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(ThroughputOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await ThroughputRun.RunAsync(options, cancel.Token);
