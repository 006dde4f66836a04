namespace GraphAttn.Model.Training;

/// <summary>Where one training step's wall time went, in seconds (for benchmarks: "where does a step go").</summary>
/// <param name="Step">0-based step over the whole run.</param>
/// <param name="Batch">Cutting the batch and drawing its negative candidates.</param>
/// <param name="Forward">The model's forward pass for what the step scores.</param>
/// <param name="Loss">Losses, including the choice of hard negatives.</param>
/// <param name="Backward">The backward pass.</param>
/// <param name="Optimizer">The optimiser step and the moving average of the weights.</param>
public sealed record StepTimings(int Step, double Batch, double Forward, double Loss, double Backward, double Optimizer)
{
    /// <summary>The whole step.</summary>
    public double Total => Batch + Forward + Loss + Backward + Optimizer;
}
