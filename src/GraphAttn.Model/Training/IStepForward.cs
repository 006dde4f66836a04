using GraphAttn.Model.Modeling;
using GraphAttn.Model.Scoring;

namespace GraphAttn.Model.Training;

/// <summary>How a training mode computes the vectors of a step and the embeddings validation ranks with.</summary>
internal interface IStepForward
{
    /// <summary>Called before each epoch's first step (the model may be left in eval mode).</summary>
    void BeginEpoch(SocialRecModel model);

    /// <summary>The batch as this mode scores it (e.g. with negatives already chosen); <paramref name="step"/> counts
    /// steps over the whole run, for seeding.</summary>
    StepBatch Prepare(StepBatch batch, int step);

    /// <summary>Vectors for what <paramref name="batch"/> scores (tensors land in the caller's dispose scope).</summary>
    StepVectors Forward(SocialRecModel model, StepBatch batch, int step);

    /// <summary>Every user's and content's vectors in eval mode, without gradients.</summary>
    ModelEmbeddings Embed(SocialRecModel model);
}
