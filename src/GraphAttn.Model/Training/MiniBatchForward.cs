using GraphAttn.Graph;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Sampling;
using GraphAttn.Model.Scoring;
using static TorchSharp.torch;

namespace GraphAttn.Model.Training;

/// <summary>
/// Mini-batch steps: the per-target forward runs only for the users and contents a step scores (rows, positives and
/// negative candidates), over in-edges sampled with <see cref="TrainOptions.FanOut"/>. A step's tensors therefore
/// scale with batch size, candidates and fan-out, not with the graph. Validation embeddings use every in-edge
/// (<see cref="FullNeighbourEmbedder"/>), in chunks.
/// </summary>
internal sealed class MiniBatchForward(SocialGraph graph, GraphInputs inputs, TrainOptions options) : IStepForward
{
    private readonly NeighbourSampler sampler = new(graph, options.FanOut, inputs.History);
    private readonly BlockContext context = BlockContext.ForTrainingGraph(graph);
    private readonly FullNeighbourEmbedder embedder = new(graph, inputs.History, options.EmbedChunk, inputs.Propagation);
    private ModelEmbeddings? stale;
    private bool fresh;

    public void BeginEpoch(SocialRecModel model)
    {
        // The last validation pass is as recent as a new pass would be; reuse it.
        if (options.StaleNegatives && !fresh) stale = embedder.Embed(model);
        fresh = false;
    }

    public StepBatch Prepare(StepBatch batch, int step) => stale is null || !options.StaleNegatives ? batch : new StepBatch(
        StaleNegatives.Choose(batch.Content, stale.Users, stale.Contents, stale.Dimension),
        StaleNegatives.Choose(batch.Friends, stale.Friends, stale.Friends, stale.Dimension));

    public StepVectors Forward(SocialRecModel model, StepBatch batch, int step)
    {
        var sampled = sampler.Sample(batch.Users(), batch.Contents(), NeighbourSampler.Mix((ulong)options.Seed, (ulong)step));
        var block = sampled with
        {
            Users = WholeHistoryDropout.Apply(sampled.Users, options.WholeHistoryDropout,
                NeighbourSampler.Mix((ulong)options.Seed, ~(ulong)step)),
        };
        var dimension = model.Options.Dimension;
        // The propagation tables depend on the weights, so every step recomputes them (with gradient) over the whole
        // training graph: sparse products, O(pairs x D x K). Unlike the rest of the step this grows with the graph; on
        // the 100k-user benchmark graph it about doubles a step (tests/GraphAttn.Model.Benchmarks/README.md).
        var context = inputs.Propagation is { } pairs ? this.context.With(model.Propagate(pairs, this.context)) : this.context;
        var users = block.Users.Targets.Length == 0 ? null : model.ForwardUsers(block.Users, context);
        var contents = block.Contents.Targets.Length == 0 ? zeros(0, dimension) : model.ForwardContents(block.Contents, context);
        var userVectors = users?.Users ?? zeros(0, dimension);
        var friendVectors = users?.Friends ?? zeros(0, dimension);
        // Edges attended: sampled ones plus one self-loop per target user.
        var edges = block.EdgeCount + block.Users.Targets.Length;
        return new StepVectors(new VectorLookup(userVectors, block.Users.Targets),
            new VectorLookup(contents, block.Contents.Targets), new VectorLookup(friendVectors, block.Users.Targets), edges);
    }

    public ModelEmbeddings Embed(SocialRecModel model)
    {
        var embeddings = embedder.Embed(model);
        if (options.StaleNegatives) (stale, fresh) = (embeddings, true);
        return embeddings;
    }
}
