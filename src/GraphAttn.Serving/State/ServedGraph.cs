using GraphAttn.Graph;
using GraphAttn.Graph.Live;

namespace GraphAttn.Serving.State;

/// <summary>
/// What a request answers from, published as one reference: the state over the compacted graph (baselines, derived
/// indexes) and the live view of the same graph with the overlay of edits not yet folded into it. A request reads
/// <see cref="Live"/> edits of the user it serves; everything else comes from <see cref="State"/>.
/// </summary>
/// <param name="State">Scorers and derived indexes over <see cref="LiveGraph.Graph"/>.</param>
/// <param name="Live">The same graph with its overlay.</param>
public sealed record ServedGraph(ServingState State, LiveGraph Live)
{
    /// <summary>The graph both halves are about.</summary>
    public SocialGraph Graph => Live.Graph;
}
