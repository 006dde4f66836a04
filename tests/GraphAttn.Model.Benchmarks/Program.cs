using GraphAttn.Model.Benchmarks;

// Usage: dotnet run -c Release --project tests/GraphAttn.Model.Benchmarks -- gat [nodes] [edges] [fusedReps] [referenceReps]
//        ... -- kernel [nodes] [edges] [reps]
//        ... -- gat-parts [nodes] [edges] [reps]  (the fused layer's time outside its edge kernels, piece by piece)
//        ... -- scale --graph DIR [--mode mini|full] [--steps N] [--batch-size B] [--fan-out F] [--negatives K] [--stale-negatives true]
//        ... -- propagate --graph DIR [--layers K] [--reps N]  (the interaction propagation's whole-graph tables)
//        ... -- trainstep --graph DIR [--negatives K] [--loss bpr|softmax] [--steps N]  (phases of a full-graph training step)
//        ... -- stepparts --graph DIR [--history L] [--propagation K] [--reps N]  (a full-graph step's parts, each alone)
return args.FirstOrDefault() switch
{
    "gat" => GatBenchmark.Run(args.Skip(1).Select(int.Parse).ToArray()),
    "kernel" => GatBenchmark.RunKernelOnly(args.Skip(1).Select(int.Parse).ToArray()),
    "gat-parts" => LayerPartsBenchmark.Run(args.Skip(1).Select(int.Parse).ToArray()),
    "step" => StepBenchmark.Run(args[1], args.Length > 2 ? int.Parse(args[2]) : 5),
    "scale" => ScaleBenchmark.Run(args[1..]),
    "trainstep" => TrainStepBenchmark.Run(args[1..]),
    "propagate" => PropagationBenchmark.Run(args[1..]),
    "stepparts" => StepPartsBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: gat [nodes=100000] [edges=2000000] [fusedReps=5] [referenceReps=2] | kernel [nodes] [edges] [reps] | gat-parts [nodes] [edges] [reps] | scale --graph DIR [--mode mini|full] [--steps N] ... | propagate --graph DIR [--layers K] [--reps N] | trainstep --graph DIR [--negatives K] [--loss bpr|softmax] [--steps N]");
    return 2;
}
