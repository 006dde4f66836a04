namespace GraphAttn.Seeds.Inspection;

/// <summary>
/// How strongly a graph shows the planted structure, each signal next to the value it would have without it.
/// Shares are in [0, 1].
/// </summary>
/// <param name="WithinCommunityFollows">Share of follows whose two ends are in the same planted community.</param>
/// <param name="WithinCommunityRandom">The same for random follows: sum over communities of (size / users)^2.</param>
/// <param name="InterestMatch">Share of interactions whose content has a topic among the user's planted interests.</param>
/// <param name="InterestMatchOtherUser">The same with each user's interests swapped for another user's (fixed rotation).</param>
/// <param name="FolloweeEarlier">Share of interactions on a content some followee interacted with strictly earlier.</param>
/// <param name="TopPercentFollowShare">Share of follows received by the 1% most followed users (uniform: 0.01).</param>
/// <param name="TopPercentContentShare">Share of interactions on the 1% most touched contents (uniform: 0.01).</param>
public sealed record PlantedSignals(
    double WithinCommunityFollows,
    double WithinCommunityRandom,
    double InterestMatch,
    double InterestMatchOtherUser,
    double FolloweeEarlier,
    double TopPercentFollowShare,
    double TopPercentContentShare);
