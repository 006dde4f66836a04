namespace GraphAttn.Model.Training;

/// <summary>How each training step computes the vectors it scores.</summary>
public enum TrainMode
{
    /// <summary>Every step runs the whole model over the whole graph (default; best for graphs that fit).</summary>
    Full,

    /// <summary>
    /// Every step runs the model only for the users and contents the batch scores, over sampled in-edges
    /// (<see cref="TrainOptions.FanOut"/>): cost and memory per step depend on batch and fan-out, not graph size.
    /// </summary>
    MiniBatch,
}
