using GraphAttn.Embedding.Benchmarks;

return args switch
{
    ["init-checkpoint", var graph, var output, ..] => InitCheckpoint.Run(graph, output, args.Length > 3 ? int.Parse(args[3]) : 64,
        args.Length > 4 ? double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 0),
    ["inductive-threads", var graph, var checkpoint, ..] => InductiveThroughput.Run(graph, checkpoint, args.Length > 3 ? int.Parse(args[3]) : 2000),
    ["inductive", var graph, var checkpoint, ..] => InductiveLatency.Run(graph, checkpoint, args.Length > 3 ? int.Parse(args[3]) : 500),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          init-checkpoint GRAPH_DIR OUT_DIR [dim=64] [beta=0]   untrained (seeded) checkpoint with id tables, for
                                                   throughput runs; beta = friend structure weight
          inductive GRAPH_DIR CHECKPOINT_DIR [calls=500] median per-call latency of InductiveEmbedder
          inductive-threads GRAPH_DIR CHECKPOINT_DIR [calls=2000]  calls/s from 1, 2, 4 threads, concurrent vs one lock
        """);
    return 2;
}
