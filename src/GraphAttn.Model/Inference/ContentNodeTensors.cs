using GraphAttn.Graph;
using static TorchSharp.torch;

namespace GraphAttn.Model.Inference;

/// <summary>
/// A block's local contents with what their base vectors need: id rows and the (local content, topic row) pairs.
/// Topics without a weight row are left out of the mean. Shapes: Pair* [P], TopicCount [Nc, 1] (at least 1).
/// </summary>
internal sealed record ContentNodeTensors(NodeTensors Nodes, Tensor PairContent, Tensor PairTopic, Tensor TopicCount)
{
    /// <summary>Builds the tensors for the local contents <paramref name="globals"/>.</summary>
    public static ContentNodeTensors Create(IReadOnlyList<int> globals, BlockContext context)
    {
        var nodes = NodeTensors.Create(globals, context.Rows.ContentRow);
        var pairContent = new List<long>();
        var pairTopic = new List<long>();
        var counts = new float[globals.Count];
        for (var c = 0; c < globals.Count; c++)
        {
            if (globals[c] < 0) continue;
            foreach (var topic in Neighbours(context.ContentTopics, globals[c]))
            {
                var row = context.Rows.TopicRow(topic);
                if (row < 0) continue;
                pairContent.Add(c);
                pairTopic.Add(row);
                counts[c]++;
            }
        }
        var divisor = counts.Select(n => Math.Max(1f, n)).ToArray();
        return new ContentNodeTensors(nodes, tensor(pairContent.ToArray()), tensor(pairTopic.ToArray()),
            tensor(divisor).view(-1, 1));
    }

    // A content the topic table does not know (newer than the graph) simply has no topics.
    private static ReadOnlySpan<int> Neighbours(Csr csr, int node) => node < csr.NodeCount ? csr.Neighbors(node) : [];
}
