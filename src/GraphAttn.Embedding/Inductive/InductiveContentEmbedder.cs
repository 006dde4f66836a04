using GraphAttn.Graph;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Embedding.Inductive;

/// <summary>
/// One content's vector from the model at sync time, as the batch job computes it: its topics (the content base), the
/// users who interacted with it (the content attention layer), and its id row when the checkpoint has one (zero for
/// content created since). For a content the checkpoint knows, the result equals the batch embedding's row. A model
/// with interaction propagation needs whole-graph tables that cost seconds per graph: it is not served here (null).
/// Thread-safe: calls serialise on the model instance's lock, as batch and user embeddings do.
/// </summary>
public sealed class InductiveContentEmbedder(SocialRecModel model, SocialGraph graph, NodeRows rows)
{
    private readonly BlockContext _context = new(graph.ContentTopics, rows);

    /// <summary>The vector of graph content <paramref name="content"/> ([D]), or null for a model with propagation.</summary>
    public float[]? Embed(int content)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(content);
        if (model.Options.PropagationLayers > 0)
        {
            return null;
        }

        lock (model)
        {
            model.eval();
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var output = model.ForwardContents(ContentBlock.Full(graph, [content]), _context); // [1, D]
            return output.data<float>().ToArray();
        }
    }
}
