namespace GraphAttn.Model.Training;

/// <summary>
/// One epoch's order of positives and the batches cut from it. Every training interaction is visited once per epoch
/// in batches of <see cref="TrainOptions.BatchSize"/>; follows are spread over the same number of steps. Negative
/// candidates are drawn when a step is taken, from the same seeded source, so full-graph and mini-batch training
/// draw identical batches for the same seed.
/// </summary>
public sealed class BatchPlan
{
    private readonly PositivePairs content, friends;
    private readonly int[] contentOrder, friendOrder;
    private readonly int batchSize, friendBatch, candidates, contentColumns, userColumns;

    /// <summary>Shuffles both tasks' positives for one epoch.</summary>
    /// <param name="content">Content positives (columns are contents).</param>
    /// <param name="friends">Friend positives (columns are users).</param>
    /// <param name="contentCount">Number of contents (candidate range of the content task).</param>
    /// <param name="userCount">Number of users (candidate range of the friend task).</param>
    /// <param name="options">Batch size and negative candidates.</param>
    /// <param name="random">Seeded source of the order and the candidates.</param>
    public BatchPlan(PositivePairs content, PositivePairs friends, int contentCount, int userCount, TrainOptions options,
        Random random)
    {
        (this.content, this.friends) = (content, friends);
        (batchSize, candidates, contentColumns, userColumns) = (options.BatchSize, options.NegativeCandidates, contentCount, userCount);
        contentOrder = Shuffled(content.Count, random);
        friendOrder = Shuffled(friends.Count, random);
        Steps = Math.Max(1, (content.Count + batchSize - 1) / batchSize);
        friendBatch = (friends.Count + Steps - 1) / Steps;
    }

    /// <summary>Steps in this epoch.</summary>
    public int Steps { get; }

    /// <summary>Cuts step <paramref name="step"/> and draws its negative candidates from <paramref name="random"/>.</summary>
    public StepBatch Take(int step, Random random) => new(
        Cut(content, Slice(contentOrder, step * batchSize, batchSize), contentColumns, excludeSelf: false, random),
        Cut(friends, Slice(friendOrder, step * friendBatch, friendBatch), userColumns, excludeSelf: true, random));

    private TaskBatch Cut(PositivePairs pairs, int[] batch, int columns, bool excludeSelf, Random random)
    {
        if (batch.Length == 0) return TaskBatch.Empty(candidates);
        var rows = batch.Select(i => pairs.Rows[i]).ToArray();
        var positives = batch.Select(i => pairs.Columns[i]).ToArray();
        return new TaskBatch(rows, positives, HardNegatives.Draw(rows, pairs, columns, candidates, excludeSelf, random), candidates);
    }

    private static int[] Shuffled(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }

    private static int[] Slice(int[] order, int start, int length) =>
        start >= order.Length ? [] : order[start..Math.Min(order.Length, start + length)];
}
