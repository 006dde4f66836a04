using GraphAttn.Model.Training;

namespace GraphAttn.Evaluation.Benchmarks.Research;

/// <summary>Reports on the training thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
internal sealed class SyncProgress(Action<TrainProgress> report) : IProgress<TrainProgress>
{
    public void Report(TrainProgress value) => report(value);
}
