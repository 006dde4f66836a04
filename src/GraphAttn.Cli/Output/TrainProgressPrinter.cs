using GraphAttn.Model.Training;

namespace GraphAttn.Cli.Output;

/// <summary>One line per epoch (losses, validation, time, a star on a new best), and one where a plateau decays the rate.</summary>
internal sealed class TrainProgressPrinter(TextWriter log) : IProgress<TrainProgress>
{
    private double learningRate = double.NaN;

    public void Report(TrainProgress p)
    {
        // A plateau decay is announced once, where it takes effect.
        if (!double.IsNaN(learningRate) && p.LearningRate != learningRate)
            log.WriteLine($"plateau: back to the best epoch's weights, learning rate {learningRate:G4} -> {p.LearningRate:G4}");
        learningRate = p.LearningRate;
        log.WriteLine(
            $"epoch {p.Epoch,3}: loss content {p.ContentLoss:F4} friends {p.FriendLoss:F4} | valid {MetricText.Format(p.Validation)} | {p.Seconds:F1} s{(p.IsBest ? " *" : "")}");
    }
}
