using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;

namespace GraphAttn.Model.Training;

/// <summary>
/// What training learns from and what it stops on. The friendships that fit β (<see cref="FriendValidation"/>) leave the
/// graph first. Early stopping then ranks, in this order of preference:
/// <list type="number">
/// <item>the content validation set the caller gives (the split's validation part, as <c>train</c> passes), at most
/// <see cref="MaxValidationUsers"/> users of it;</item>
/// <item>without one, a sample carved from the training interactions (<see cref="HeldOutSample"/>: one pair for each of up
/// to 5,000 users), which also leaves the graph: the evaluation catalogue hands the model training data only;</item>
/// <item>on a graph without interactions, the held-out friendships (embeddings alone, as the friend task learns them).</item>
/// </list>
/// </summary>
/// <param name="Graph">The graph the model learns from.</param>
/// <param name="Validator">What early stopping ranks; null when there is nothing to rank.</param>
/// <param name="Friends">The held-out friendships for β; null without the structural term.</param>
/// <param name="Carved">True when <paramref name="Graph"/> lacks interactions that the final vectors must see again.</param>
internal sealed record TrainingSplit(SocialGraph Graph, Validator? Validator, FriendValidation? Friends, bool Carved)
{
    /// <summary>Most users a validation pass ranks (a seeded sample of the caller's validation set beyond that).</summary>
    public const int MaxValidationUsers = 2000;

    /// <summary>Prepares training on <paramref name="train"/> with the caller's <paramref name="validation"/>, if any.</summary>
    public static TrainingSplit Prepare(SocialGraph train, SparseBinaryMatrix? validation, TrainOptions options)
    {
        var friends = options.FriendStructure ? FriendValidation.Split(train, options.FriendValidationShare, options.Seed) : null;
        var graph = friends?.Graph ?? train;
        var interacted = GraphViews.Interacted(graph);
        if (validation is not null)
            return new TrainingSplit(graph, Validator.ForContent(interacted, RowSample.Of(validation, MaxValidationUsers, options.Seed)), friends, false);
        var sample = HeldOutSample.Carve(interacted, options.Seed);
        if (sample.HeldOut.NonZeroCount > 0)
        {
            var none = SparseBinaryMatrix.FromPairs(graph.UserCount, graph.ContentCount, []);
            var noFollows = SparseBinaryMatrix.FromPairs(graph.UserCount, graph.UserCount, []);
            var split = new DatasetSplit("validation sample", graph.Fingerprint, sample.HeldOut, none, noFollows);
            return new TrainingSplit(TrainGraph.Build(graph, split), Validator.ForContent(sample.Fit, sample.HeldOut), friends, true);
        }
        if (friends is { HeldOut.NonZeroCount: > 0 })
        {
            var truth = FriendStructureFit.Sample(friends.HeldOut, options.Seed);
            return new TrainingSplit(graph, Validator.ForFriends(GraphViews.Following(graph), truth), friends, false);
        }
        return new TrainingSplit(graph, null, friends, false);
    }
}
