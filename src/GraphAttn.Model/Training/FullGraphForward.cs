using GraphAttn.Model.Modeling;
using GraphAttn.Model.Scoring;

namespace GraphAttn.Model.Training;

/// <summary>Full-graph steps: the whole model runs once per step, whatever the batch.</summary>
internal sealed class FullGraphForward(GraphInputs inputs) : IStepForward
{
    private readonly long edges = inputs.Follows.EdgeCount + inputs.UsersToContent.EdgeCount + inputs.ContentToUsers.EdgeCount;

    public void BeginEpoch(SocialRecModel model)
    {
    }

    public StepBatch Prepare(StepBatch batch) => batch;

    public StepVectors Forward(SocialRecModel model, StepBatch batch, int step)
    {
        var output = model.forward(inputs);
        return new StepVectors(new VectorLookup(output.Users), new VectorLookup(output.Contents),
            new VectorLookup(output.Friends), edges);
    }

    public ModelEmbeddings Embed(SocialRecModel model) => Trainer.Embed(model, inputs);
}
