using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;

namespace GraphAttn.Model.Training;

/// <summary>
/// Friendships held out of a training graph to fit the friend score's structural weight β
/// (<see cref="FriendStructureFit"/>). They must leave the graph the model trains on: an edge the model was fitted to
/// scores high from its vectors alone, and β would be fitted against an answer the vectors already know.
/// </summary>
/// <param name="Graph">The training graph without the held-out friendships (same node indices).</param>
/// <param name="HeldOut">Users × users: held-out follow edges, both directions of a held-out mutual friendship.</param>
public sealed record FriendValidation(SocialGraph Graph, SparseBinaryMatrix HeldOut)
{
    /// <summary>Holds out <paramref name="share"/> of <paramref name="train"/>'s friendships, seeded.</summary>
    public static FriendValidation Split(SocialGraph train, double share, int seed)
    {
        var heldOut = FollowEdgeSplitter.Split(GraphViews.FollowEdges(train), train.UserCount, share, seed);
        var none = SparseBinaryMatrix.FromPairs(train.UserCount, train.ContentCount, []);
        var split = new DatasetSplit($"friend validation {share:P0} seed {seed}", train.Fingerprint, none, none, heldOut);
        return new FriendValidation(TrainGraph.Build(train, split), heldOut);
    }
}
