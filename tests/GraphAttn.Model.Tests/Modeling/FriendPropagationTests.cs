using GraphAttn.Graph;
using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Model.Tests.Modeling;

public sealed class FriendPropagationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Forward_FriendPropagation_AddsTheDenseLayerMeanOfTheIdVectors(int layers)
    {
        // The same weights with and without the friendship propagation: the friend vectors differ by
        // mean(S U, ..., S^K U) with S = D^-1/2 A D^-1/2 over follows either way and U the user id vectors.
        var graph = CommunityGraph.Build();
        var plain = new ModelOptions { Dimension = 8, Heads = 2, HistoryLength = 4, PropagationLayers = 0, FriendPropagationLayers = 0 };
        using var without = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, plain, 3);
        using var with = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, plain with { FriendPropagationLayers = layers }, 3);
        with.load_state_dict(without.state_dict()); // the propagation adds no weights
        without.eval();
        with.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var plainInputs = new GraphInputs(graph, plain);
        using var propagatedInputs = new GraphInputs(graph, plain with { FriendPropagationLayers = layers });
        var difference = (with.forward(propagatedInputs).Friends - without.forward(plainInputs).Friends).data<float>().ToArray();

        var ids = without.named_parameters().Single(p => p.name == "user_emb.weight").parameter.data<float>().ToArray();
        var friends = Neighbourhood.Undirected(graph);
        var (n, d) = (graph.UserCount, 8);
        var current = ids.Select(v => (double)v).ToArray();
        var sum = new double[n * d];
        for (var k = 0; k < layers; k++)
        {
            var next = new double[n * d];
            for (var u = 0; u < n; u++)
                foreach (var v in friends.Neighbors(u))
                    for (var j = 0; j < d; j++)
                        next[u * d + j] += current[v * d + j] / Math.Sqrt((double)friends.Degree(u) * friends.Degree(v));
            for (var i = 0; i < sum.Length; i++) sum[i] += next[i];
            current = next;
        }
        // An absolute tolerance, not "equal to 4 decimal places": two floats 1e-8 apart can round to different 4th
        // decimals (torch's float sums may also be added in another order from run to run).
        for (var i = 0; i < sum.Length; i++) Assert.Equal(sum[i] / layers, difference[i], 1e-5);
    }
}
