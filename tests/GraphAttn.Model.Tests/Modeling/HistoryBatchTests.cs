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

    [Fact]
    public void From_EqualTimestamps_KeepsTheHeaviestInteractions()
    {
        // As Last.fm plays: one date for all, weights = play counts. The window of 2 holds the two most-played.
        var builder = new GraphBuilder();
        builder.AddUser("u1");
        foreach (var c in new[] { "c1", "c2", "c3", "c4" }) builder.AddContent(c);
        builder.AddInteraction("u1", "c1", InteractionKind.Play, 5, 40);
        builder.AddInteraction("u1", "c2", InteractionKind.Play, 5, 900);
        builder.AddInteraction("u1", "c3", InteractionKind.Play, 5, 3);
        builder.AddInteraction("u1", "c4", InteractionKind.Play, 5, 120);
        var batch = HistoryBatch.From(builder.Build().Interactions, length: 2, timeBuckets: 16);
        Assert.Equal(new long[] { 1, 3 }, batch.Items);
    }

    [Fact]
    public void NewestFirst_TimeThenWeightThenLogPosition()
    {
        long[] ts = [1, 2, 2, 2, 3];
        float[] weights = [9, 1, 5, 5, 0];
        // Newest (position 4) first; among time 2 the weight-5 pair, the later first; then weight 1; then time 1.
        Assert.Equal(new[] { 4, 3, 2, 1, 0 }, HistoryOrder.NewestFirst(ts, weights, 10));
        Assert.Equal(new[] { 4, 3 }, HistoryOrder.NewestFirst(ts, weights, 2));
        Assert.Throws<ArgumentException>(() => HistoryOrder.NewestFirst(ts, weights[..2], 2));
    }
}
