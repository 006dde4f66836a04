// Usage: dotnet run -c Release --project tests/GraphAttn.Evaluation.Benchmarks -- bpr-sweep DATASET lr,reg,epochs,dims ...
// Method-versus-method tables come from the graphattn CLI itself (`graphattn eval DATASET`).
return args is ["bpr-sweep", var dataset, .. var settings] && settings.Length > 0
    ? BprSweep.Run(dataset, settings)
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: bpr-sweep DATASET lr,reg,epochs,dims [lr,reg,epochs,dims ...]");
    return 2;
}
