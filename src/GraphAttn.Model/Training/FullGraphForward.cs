using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Sampling;
using GraphAttn.Model.Scoring;

namespace GraphAttn.Model.Training;

/// <summary>
/// Full-graph steps: every vector a step scores is exactly what a whole-graph forward gives (full neighbourhoods, no
/// sampling), but only the vectors a step scores are computed. Every content is a negative candidate, so the content
/// side runs over the whole graph (<see cref="SocialRecModel.ForwardGraphContents"/>, with the propagation tables); the
/// user side runs only for the step's users (<see cref="SocialRecModel.ForwardUsers"/> over their full in-edges). The
/// history encoder, the dearest part of the model, thus sees the step's users instead of every user.
/// <para>Friend negatives: with <see cref="TrainOptions.StepFriendNegatives"/> (the default) a positive's candidates are
/// drawn from the step's other users (content rows, followers and followees) rather than from every user, since a
/// candidate needs its vector computed: uniform candidates would pull nearly every user into every step.</para>
/// </summary>
internal sealed class FullGraphForward : IStepForward
{
    private readonly SocialGraph graph;
    private readonly GraphInputs inputs;
    private readonly TrainOptions options;
    private readonly BlockContext context;
    private readonly Csr userContents;
    private readonly PositivePairs follows;
    private readonly long edges;

    // Keeps the history-drop stream apart from the friend-candidate stream of the same step.
    private const ulong HistoryDropSalt = 0x9E3779B97F4A7C15;

    public FullGraphForward(SocialGraph graph, GraphInputs inputs, TrainOptions options, PositivePairs follows)
    {
        (this.graph, this.inputs, this.options, this.follows) = (graph, inputs, options, follows);
        context = BlockContext.ForTrainingGraph(graph);
        userContents = GraphFilterContentScorer.UserContents(graph);
        edges = inputs.UsersToContent.EdgeCount;
    }

    public void BeginEpoch(SocialRecModel model)
    {
    }

    public StepBatch Prepare(StepBatch batch, int step) => options.StepFriendNegatives && batch.Friends.Count > 0 && !batch.Friends.Shared
        ? batch with { Friends = StepFriendCandidates.Draw(batch, follows, NeighbourSampler.Mix((ulong)options.Seed, (ulong)step)) }
        : batch;

    public StepVectors Forward(SocialRecModel model, StepBatch batch, int step)
    {
        var (contents, tables, bases) = model.ForwardGraphContents(inputs);
        var users = batch.Users();
        var block = WholeHistoryDropout.Apply(
            new UserBlock(users, TargetEdges.All(graph.Following, users), TargetEdges.All(userContents, users),
                BlockHistory.FromBatch(inputs.History, users)),
            options.WholeHistoryDropout, NeighbourSampler.Mix((ulong)options.Seed, (ulong)step + HistoryDropSalt));
        var output = model.ForwardUsers(block, context.With(tables) with { ContentBases = bases });
        // Edges attended: every content's in-edges, and the step users' follow (plus self-loop) and interaction edges.
        var attended = edges + block.Followees.EdgeCount + users.Length + block.Contents.EdgeCount;
        return new StepVectors(new VectorLookup(output.Users, users), new VectorLookup(contents),
            new VectorLookup(output.Friends, users), attended);
    }

    public ModelEmbeddings Embed(SocialRecModel model) => Trainer.Embed(model, inputs);
}
