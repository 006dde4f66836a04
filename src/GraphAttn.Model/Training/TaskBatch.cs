namespace GraphAttn.Model.Training;

/// <summary>
/// One task's share of a training step: positives (row, column) and their uniformly drawn negative candidates, either
/// <see cref="K"/> per positive (BPR) or one set of <see cref="K"/> shared by every positive (<see cref="Shared"/>, the
/// sampled softmax). All indices are global (graph) indices.
/// </summary>
/// <param name="Rows">[B] users.</param>
/// <param name="Positives">[B] positive contents (content task) or followees (friend task).</param>
/// <param name="Candidates">[B * K] negative candidates, row-major; or [K] shared ones when <paramref name="Shared"/>.</param>
/// <param name="K">Candidates per positive.</param>
/// <param name="Shared">True when every positive uses the same <see cref="K"/> candidates.</param>
public sealed record TaskBatch(int[] Rows, int[] Positives, int[] Candidates, int K, bool Shared = false)
{
    /// <summary>An empty batch (a task with no positives in this step).</summary>
    public static TaskBatch Empty(int k, bool shared = false) => new([], [], [], k, shared);

    /// <summary>Number of positives B.</summary>
    public int Count => Rows.Length;
}
