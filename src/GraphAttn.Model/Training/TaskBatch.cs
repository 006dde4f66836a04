namespace GraphAttn.Model.Training;

/// <summary>
/// One task's share of a training step: positives (row, column) and, per positive, <see cref="K"/> uniformly drawn
/// negative candidates. All indices are global (graph) indices.
/// </summary>
/// <param name="Rows">[B] users.</param>
/// <param name="Positives">[B] positive contents (content task) or followees (friend task).</param>
/// <param name="Candidates">[B * K] negative candidates, row-major.</param>
/// <param name="K">Candidates per positive.</param>
public sealed record TaskBatch(int[] Rows, int[] Positives, int[] Candidates, int K)
{
    /// <summary>An empty batch (a task with no positives in this step).</summary>
    public static TaskBatch Empty(int k) => new([], [], [], k);

    /// <summary>Number of positives B.</summary>
    public int Count => Rows.Length;
}
