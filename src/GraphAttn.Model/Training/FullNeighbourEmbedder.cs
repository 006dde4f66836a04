using GraphAttn.Graph;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Scoring;
using static TorchSharp.torch;

namespace GraphAttn.Model.Training;

/// <summary>
/// Every user's and content's vectors in eval mode through the per-target forward with all in-edges, <c>chunk</c>
/// targets at a time: the same vectors as the full-graph forward, with memory bounded by the chunk (plus the managed
/// [U, D] and [Cn, D] results).
/// </summary>
/// <param name="graph">The training graph.</param>
/// <param name="history">Its history rows.</param>
/// <param name="chunk">Targets per forward pass (e.g. 4096).</param>
/// <param name="pairs">The graph's propagation pairs (<see cref="GraphInputs.Propagation"/>); null without propagation.</param>
internal sealed class FullNeighbourEmbedder(SocialGraph graph, HistoryBatch history, int chunk, PropagationGraph? pairs)
{
    private readonly BlockContext context = BlockContext.ForTrainingGraph(graph);

    public ModelEmbeddings Embed(SocialRecModel model)
    {
        model.eval();
        using var noGrad = no_grad();
        var d = model.Options.Dimension;
        var users = new float[graph.UserCount * d];
        var friends = new float[graph.UserCount * d];
        var contents = new float[graph.ContentCount * d];
        using var tables = Tables(model);
        var context = this.context.With(tables);
        for (var start = 0; start < graph.UserCount; start += chunk)
        {
            using var scope = NewDisposeScope();
            var targets = Enumerable.Range(start, Math.Min(chunk, graph.UserCount - start)).ToArray();
            var output = model.ForwardUsers(UserBlock.Full(graph, history, targets), context);
            Copy(output.Users, users, start * d);
            Copy(output.Friends, friends, start * d);
        }
        for (var start = 0; start < graph.ContentCount; start += chunk)
        {
            using var scope = NewDisposeScope();
            var targets = Enumerable.Range(start, Math.Min(chunk, graph.ContentCount - start)).ToArray();
            Copy(model.ForwardContents(ContentBlock.Full(graph, targets), context), contents, start * d);
        }
        return new ModelEmbeddings(d, users, contents, friends);
    }

    private PropagationTables? Tables(SocialRecModel model)
    {
        if (pairs is null) return null;
        using var scope = NewDisposeScope();
        return model.Propagate(pairs, context).Detached();
    }

    private static void Copy(Tensor rows, float[] into, int at) =>
        rows.detach().contiguous().data<float>().CopyTo(into.AsSpan(at));
}
