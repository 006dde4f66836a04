namespace GraphAttn.Model.Training;

/// <summary>
/// One epoch's order of positives and the batches cut from it. Every training interaction and follow is visited once
/// per epoch; the task with more positives is cut into batches of <see cref="TrainOptions.AutoBatch"/> and the other is
/// spread over the same number of steps. Negative
/// candidates are drawn when a step is taken, from the same seeded source, so full-graph and mini-batch training
/// draw identical batches for the same seed.
/// </summary>
public sealed class BatchPlan
{
    private readonly PositivePairs content, friends;
    private readonly int[] contentOrder, friendOrder;
    private readonly int contentBatch, friendBatch, candidates, contentColumns, userColumns;
    private readonly bool shared;

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
        (contentColumns, userColumns) = (contentCount, userCount);
        shared = options.Loss == LossKind.Softmax;
        candidates = shared ? options.SharedNegatives : options.NegativeCandidates;
        contentOrder = Shuffled(content.Count, random);
        friendOrder = Shuffled(friends.Count, random);
        // The larger task sets the step count, so a graph with more follows than interactions (or follows only) still
        // takes batches of at most BatchSize follows instead of one step over all of them per epoch. Both tasks are
        // spread evenly over the steps, so no step is left with a remainder only.
        var batchSize = options.AutoBatch(Math.Max(content.Count, friends.Count));
        Steps = Math.Max(1, Math.Max(Ceiling(content.Count, batchSize), Ceiling(friends.Count, batchSize)));
        contentBatch = Ceiling(content.Count, Steps);
        friendBatch = Ceiling(friends.Count, Steps);
    }

    /// <summary>The content task's positives (columns are contents).</summary>
    public PositivePairs Content => content;

    /// <summary>The friend task's positives (columns are users).</summary>
    public PositivePairs Friends => friends;

    /// <summary>Steps in this epoch.</summary>
    public int Steps { get; }

    /// <summary>Cuts step <paramref name="step"/> and draws its negative candidates from <paramref name="random"/>.</summary>
    public StepBatch Take(int step, Random random) => new(
        Cut(content, Slice(contentOrder, step * contentBatch, contentBatch), contentColumns, excludeSelf: false, random),
        Cut(friends, Slice(friendOrder, step * friendBatch, friendBatch), userColumns, excludeSelf: true, random));

    private TaskBatch Cut(PositivePairs pairs, int[] batch, int columns, bool excludeSelf, Random random)
    {
        if (batch.Length == 0) return TaskBatch.Empty(candidates, shared);
        var rows = batch.Select(i => pairs.Rows[i]).ToArray();
        var positives = batch.Select(i => pairs.Columns[i]).ToArray();
        if (shared) return new TaskBatch(rows, positives, SharedCandidates(columns, random), Math.Min(candidates, columns), Shared: true);
        return new TaskBatch(rows, positives, HardNegatives.Draw(rows, pairs, columns, candidates, excludeSelf, random), candidates);
    }

    /// <summary>
    /// min(K, columns) distinct uniform columns: a partial Fisher-Yates shuffle, or all columns when K covers them.
    /// Positives among them are masked by the loss, per row.
    /// </summary>
    private int[] SharedCandidates(int columns, Random random)
    {
        var order = Enumerable.Range(0, columns).ToArray();
        var take = Math.Min(candidates, columns);
        for (var i = 0; i < take; i++)
        {
            var j = random.Next(i, columns);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order[..take];
    }

    private static int Ceiling(int count, int per) => (count + per - 1) / per;

    private static int[] Shuffled(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }

    private static int[] Slice(int[] order, int start, int length) =>
        start >= order.Length ? [] : order[start..Math.Min(order.Length, start + length)];
}
