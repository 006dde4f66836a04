using GraphAttn.Model.Benchmarks;

// Usage: dotnet run -c Release --project tests/GraphAttn.Model.Benchmarks -- gat [nodes] [edges] [fusedReps] [referenceReps]
//        dotnet run -c Release --project tests/GraphAttn.Model.Benchmarks -- train-scaling [graph folder ...]
return args.FirstOrDefault() switch
{
    "gat" => GatBenchmark.Run(args.Skip(1).Select(int.Parse).ToArray()),
    "kernel" => GatBenchmark.RunKernelOnly(args.Skip(1).Select(int.Parse).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: gat [nodes=100000] [edges=2000000] [fusedReps=5] [referenceReps=2]");
    return 2;
}
