using static TorchSharp.torch;

namespace GraphAttn.Model.Inference;

/// <summary>
/// What the per-target forward needs from the rest of the graph for the interaction propagation
/// (<see cref="Modeling.InteractionPropagation"/>): the layer means Ū = mean over k &lt; K of Uᵏ [U, D] and C̄ [Cn, D]
/// of one graph under one set of weights, and that graph's degrees. A target's propagated vector is then one hop over
/// its own in-edges: user t gets Σ_c C̄[c] / √(d_t d_c). Computed by <see cref="Modeling.SocialRecModel.Propagate"/>;
/// stale as soon as the weights change, so training computes them every step and inference once per model and graph.
/// </summary>
/// <param name="Users">Ū [U, D] (empty [0, D] for a model without interaction propagation).</param>
/// <param name="Contents">C̄ [Cn, D] (empty [0, D] likewise).</param>
/// <param name="Graph">The pairs and degrees the tables were computed over.</param>
/// <param name="Friends">F̄ = mean over k &lt; K_f of Fᵏ over the friendship graph [U, D], for a model with friend
/// propagation (<see cref="Modeling.ModelOptions.FriendPropagationLayers"/>); null without.</param>
public sealed record PropagationTables(Tensor Users, Tensor Contents, PropagationGraph Graph, Tensor? Friends = null) : IDisposable
{
    /// <summary>Moves the tensors out of the current dispose scope (for tables kept across scopes).</summary>
    public PropagationTables Detached()
    {
        Users.DetachFromDisposeScope();
        Contents.DetachFromDisposeScope();
        Friends?.DetachFromDisposeScope();
        return this;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Users.Dispose();
        Contents.Dispose();
        Friends?.Dispose();
    }
}
