using GraphAttn.Graph;
using GraphAttn.Model.Modeling;

namespace GraphAttn.Model.Tests.Modeling;

public sealed class HistoryBatchTests
{
    [Fact]
    public void From_ShortHistory_MostRecentFirstThenPadding()
    {
        var builder = new GraphBuilder();
        builder.AddUser("u1");
        foreach (var c in new[] { "c1", "c2", "c3" }) builder.AddContent(c);
        const long day = 86_400_000;
        builder.AddInteraction("u1", "c1", InteractionKind.View, 10 * day);
        builder.AddInteraction("u1", "c2", InteractionKind.Like, 17 * day);
        builder.AddInteraction("u1", "c3", InteractionKind.Share, 18 * day);
        var batch = HistoryBatch.From(builder.Build().Interactions, length: 5, timeBuckets: 16);
        Assert.Equal(new long[] { 2, 1, 0, 0, 0 }, batch.Items);
        Assert.Equal(new long[] { (long)InteractionKind.Share, (long)InteractionKind.Like, 0, 0, 0 }, batch.Kinds);
        Assert.Equal(new[] { false, false, false, true, true }, batch.Padding);
        // Ages in days 0, 1, 8 -> floor(log2(1 + days)) = 0, 1, 3.
        Assert.Equal(new long[] { 0, 1, 3 }, batch.Ages[..3]);
    }
}
