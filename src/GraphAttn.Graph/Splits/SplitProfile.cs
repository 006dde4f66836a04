using System.Globalization;
using GraphAttn.Graph.Matrices;

namespace GraphAttn.Graph.Splits;

/// <summary>
/// How much of a split's held-out content the training data can speak for: held-out pairs whose content no training
/// user touched, or exactly one, and how many of those rare contents have no topic either. Co-occurrence says nothing
/// (or next to nothing) about such contents; only their topics can, so these shares go a long way to explain why one
/// dataset's attainable recall is lower than another's.
/// </summary>
/// <param name="HeldOut">Held-out (user, content) pairs counted.</param>
/// <param name="NoTrainingUser">Pairs whose content has no training interaction.</param>
/// <param name="OneTrainingUser">Pairs whose content has exactly one training user.</param>
/// <param name="RareWithoutTopics">Of the two groups above, pairs whose content has no topic.</param>
public sealed record SplitProfile(int HeldOut, int NoTrainingUser, int OneTrainingUser, int RareWithoutTopics)
{
    /// <summary>Profiles the test pairs (or, with <paramref name="validation"/>, the validation pairs) of a split.</summary>
    /// <remarks>Training is what the split does not hold out: every distinct pair minus validation and test.</remarks>
    public static SplitProfile Of(SocialGraph graph, DatasetSplit split, bool validation = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(split);
        // Distinct (user, content) pairs per content, counted directly (no matrix is needed for column sums).
        var training = new int[graph.ContentCount];
        foreach (var e in GraphViews.DistinctEvents(graph)) training[e.Item]++;
        var valid = split.ContentValid.ColumnCounts();
        var test = split.ContentTest.ColumnCounts();
        var heldOut = validation ? valid : test;
        int pairs = 0, none = 0, one = 0, bare = 0;
        for (var c = 0; c < graph.ContentCount; c++)
        {
            pairs += heldOut[c];
            var users = training[c] - valid[c] - test[c];
            if (users > 1) continue;
            if (users == 0) none += heldOut[c];
            else one += heldOut[c];
            if (graph.ContentTopics.Degree(c) == 0) bare += heldOut[c];
        }
        return new SplitProfile(pairs, none, one, bare);
    }

    /// <summary>One line for a run's log, e.g.
    /// <c>test pairs 9,282: content with no training user 12.9%, with one 6.1%; 33.0% of those have no topic</c>.</summary>
    public string Describe(string part = "test")
    {
        var rare = NoTrainingUser + OneTrainingUser;
        return string.Create(CultureInfo.InvariantCulture,
            $"{part} pairs {HeldOut:N0}: content with no training user {Share(NoTrainingUser, HeldOut):F1}%, with one {Share(OneTrainingUser, HeldOut):F1}%; {Share(RareWithoutTopics, rare):F1}% of those have no topic");
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;
}
