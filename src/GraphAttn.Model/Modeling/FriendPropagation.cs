using GraphAttn.Model.Inference;
using static TorchSharp.torch;

namespace GraphAttn.Model.Modeling;

/// <summary>
/// LightGCN-style propagation over the undirected friendship graph, without weights: F⁰ = the user id vectors,
/// Fᵏ⁺¹ = S Fᵏ with S[u, v] = 1/√(d_u d_v), and the friend vectors add mean(F¹..F^K). Why: the follow attention sees one
/// hop, and friends of friends of friends are the evidence LightGCN over friendships ranks well (on Ciao it beat
/// Adamic-Adar and Jaccard). As with the interaction propagation, mean(F¹..F^K) = S · mean(F⁰..F^(K-1)), so a target
/// needs only its own friends and the whole-graph table F̄ (<see cref="PropagationTables.Friends"/>).
/// </summary>
internal static class FriendPropagation
{
    /// <summary>F̄ = mean(F⁰..F^(K-1)) over <paramref name="graph"/>'s friendships.</summary>
    public static Tensor LayerMean(Tensor users0, PropagationGraph graph, int layers)
    {
        Tensor f = users0, sum = users0;
        for (var k = 1; k < layers; k++)
        {
            f = PropagationProduct.apply(f, graph.FriendHop);
            sum = sum.Plus(f);
        }
        return layers == 1 ? sum : sum.div(Scalars.Of(layers));
    }
}
