using System.Diagnostics;
using GraphAttn.Graph;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Sampling;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Tests.Training;

// One test here watches the process working set: run this class alone, after the parallel tests.
[CollectionDefinition(nameof(MiniBatchMemoryTests), DisableParallelization = true)]
public sealed class MiniBatchMemoryTestsCollection;

[Collection(nameof(MiniBatchMemoryTests))]
public sealed class MiniBatchMemoryTests
{
    // No propagation: its whole-graph tables grow with the graph by design; this is about the sampled blocks.
    private static readonly ModelOptions Model = new() { Dimension = 16, Heads = 4, HistoryLength = 6, PropagationLayers = 0, FriendPropagationLayers = 0 };

    private static readonly TrainOptions MiniBatch = new()
    {
        Mode = TrainMode.MiniBatch,
        FanOut = new FanOut(5, 5, 5),
        BatchSize = 32,
        Epochs = 1,
        NegativeCandidates = 4,
    };

    /// <summary>Mean tensor elements a step's forward pass and loss create, over the first <paramref name="steps"/> steps.</summary>
    private static double ElementsPerStep(SocialGraph graph, TrainOptions options, int steps)
    {
        var stats = new List<StepStats>();
        using var stop = new CancellationTokenSource();
        var trainer = new Trainer(Model, options)
        {
            StepObserved = s =>
            {
                stats.Add(s);
                if (stats.Count == steps) stop.Cancel();
            },
        };
        Assert.Throws<OperationCanceledException>(() => trainer.Train(graph, validation: null, ct: stop.Token));
        return stats.Average(s => (double)s.Elements);
    }

    [Fact]
    public void Step_GraphTwiceLarger_MiniBatchTensorsStaySameSize()
    {
        // Batches far smaller than the graph, so that a step's draws rarely collide on either graph.
        var small = UniformGraph.Build(users: 6000, contents: 6000);
        var large = UniformGraph.Build(users: 12000, contents: 12000);
        var miniRatio = ElementsPerStep(large, MiniBatch, steps: 10) / ElementsPerStep(small, MiniBatch, steps: 10);
        var full = MiniBatch with { Mode = TrainMode.Full };
        var fullRatio = ElementsPerStep(large, full, steps: 2) / ElementsPerStep(small, full, steps: 2);
        // Same batch, candidates and fan-out: a mini-batch step touches about as many rows on either graph, while a
        // full-graph step grows with the graph (the contrast shows the measure can tell the two apart).
        Assert.InRange(miniRatio, 0.9, 1.1);
        Assert.True(fullRatio > 1.8, $"full-graph elements grew only {fullRatio:F2}x on a 2x graph");
    }

    [Fact]
    public void Train_MiniBatchManySteps_NativeMemoryStaysFlat()
    {
        var graph = UniformGraph.Build(users: 120, contents: 120);
        var memory = new List<long>();
        var options = MiniBatch with { Epochs = 15, Patience = 1000, BatchSize = 128 };
        var result = new Trainer(Model, options)
        {
            StepObserved = _ =>
            {
                using var process = Process.GetCurrentProcess();
                memory.Add(process.WorkingSet64);
            },
        }.Train(graph, validation: null);
        result.Inputs.Dispose();
        Assert.True(memory.Count >= 150, $"only {memory.Count} steps");
        var growth = memory[^1] - memory[20];
        Assert.True(growth < 40L << 20, $"process memory grew {growth >> 20} MiB between step 20 and step {memory.Count}");
    }
}
