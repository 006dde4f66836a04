using GraphAttn.Evaluation.Benchmarks.Research;

// Usage: dotnet run -c Release --project tests/GraphAttn.Evaluation.Benchmarks -- COMMAND ...
//        bpr-sweep DATASET lr,reg,epochs,dims ...            (the BPR grid behind the evaluation defaults)
//        eval DATASET [eval options]                         (the CLI's eval with the model and method variants such as lightgcn:lr=0.01)
//        beat --graph DIR [--beat X | --baselines bpr,lightgcn,graph-filter] [--model key=value+...]  (s/epoch, time to beat a bar)
//        coldstart --graph DIR [--model key=value+...]       (test users embedded from their followees only)
return args switch
{
    ["bpr-sweep", var dataset, .. var settings] when settings.Length > 0 => BprSweep.Run(dataset, settings),
    ["eval", .. var rest] => ResearchEval.Run(rest),
    ["beat", .. var rest] => BeatBenchmark.Run(rest),
    ["coldstart", .. var rest] => ColdStartBenchmark.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bpr-sweep DATASET lr,reg,epochs,dims ... | eval DATASET [options] | beat --graph DIR [options] | coldstart --graph DIR [options]");
    return 2;
}
