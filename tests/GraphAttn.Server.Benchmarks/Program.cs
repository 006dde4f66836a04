using GraphAttn.Server.Benchmarks;

// dotnet run -c Release --project tests/GraphAttn.Server.Benchmarks -- fuzz [options] | throughput [options]: see README.md.
return args switch
{
    ["fuzz", .. var rest] => await FuzzRun.RunAsync(rest),
    ["throughput", .. var rest] => await Throughput(rest),
    _ => Usage(),
};

static async Task<int> Throughput(string[] args)
{
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
}

static int Usage()
{
    Console.Error.WriteLine(FuzzRun.Usage);
    Console.Error.WriteLine(ThroughputOptions.Usage);
    return 2;
}
