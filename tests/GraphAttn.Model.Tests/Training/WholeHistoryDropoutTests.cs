using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Tests.Training;

public sealed class WholeHistoryDropoutTests
{
    private static UserBlock Block()
    {
        var graph = CommunityGraph.Build();
        var history = HistoryBatch.From(graph.Interactions, 4, 16);
        return UserBlock.Full(graph, history, Enumerable.Range(0, 30).ToArray());
    }

    [Fact]
    public void Apply_HalfRate_EmptiesInteractionsAndHistoryOfDroppedTargetsOnly()
    {
        var block = Block();
        var dropped = WholeHistoryDropout.Apply(block, 0.5, 11);
        var emptied = 0;
        for (var t = 0; t < block.Targets.Length; t++)
        {
            var row = dropped.History.Padding.AsSpan(t * 4, 4);
            if (dropped.Contents.Of(t).Length == 0)
            {
                emptied++;
                Assert.True(row.IndexOf(false) < 0, $"target {t} lost its interactions but kept history");
            }
            else
            {
                Assert.Equal(block.Contents.Of(t).ToArray(), dropped.Contents.Of(t).ToArray());
                Assert.Equal(block.History.Items.AsSpan(t * 4, 4).ToArray(), dropped.History.Items.AsSpan(t * 4, 4).ToArray());
            }
            Assert.Equal(block.Followees.Of(t).ToArray(), dropped.Followees.Of(t).ToArray());
        }
        Assert.InRange(emptied, 5, 25);
        Assert.Equal(dropped.Contents.Sources, WholeHistoryDropout.Apply(block, 0.5, 11).Contents.Sources);
    }

    [Fact]
    public void Apply_RateZero_ReturnsTheBlock()
    {
        var block = Block();
        Assert.Same(block, WholeHistoryDropout.Apply(block, 0, 11));
    }
}
