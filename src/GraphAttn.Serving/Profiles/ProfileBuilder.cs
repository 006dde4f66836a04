using Google.Protobuf.WellKnownTypes;
using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Serving.State;

namespace GraphAttn.Serving.Profiles;

/// <summary>
/// Baseline user profile: topic interests from interaction counts, influential friends as the share of the user's
/// history that a followed user had engaged with first, the label-propagation community, and activity counts.
/// </summary>
public static class ProfileBuilder
{
    private const int MaxInterests = 10;
    private const int MaxFriends = 10;

    /// <summary>Builds the profile of <paramref name="user"/>.</summary>
    public static GetUserProfileResponse Build(ServingState state, int user)
    {
        var g = state.Graph;
        var profile = new GetUserProfileResponse
        {
            UserId = g.Users[user],
            Name = g.UserNames[user],
            Community = CommunityOf(state, user),
            Activity = ActivityOf(state, user),
            Provenance = state.Provenance,
        };
        profile.Interests.AddRange(Interests(g, user, MaxInterests));
        profile.InfluentialFriends.AddRange(InfluentialFriends.Of(g, user).Take(MaxFriends).Select(f => new InfluentialFriend
        {
            UserId = g.Users[f.User],
            Name = g.UserNames[f.User],
            Weight = f.Weight,
        }));
        return profile;
    }

    /// <summary>Top topic interests of a user, strongest first.</summary>
    public static IEnumerable<TopicInterest> Interests(SocialGraph g, int user, int max)
    {
        var weights = new float[g.TopicCount];
        TopicInterests.Of(g, user, weights);
        return Enumerable.Range(0, g.TopicCount).Where(t => weights[t] > 0)
            .OrderByDescending(t => weights[t]).ThenBy(t => t).Take(max)
            .Select(t => new TopicInterest { TopicId = g.Topics[t], Name = g.TopicNames[t], Weight = weights[t] });
    }

    private static Community CommunityOf(ServingState state, int user)
    {
        var summary = state.Communities;
        var label = summary.Labels[user];
        var shares = summary.TopicShares[label];
        var g = state.Graph;
        var community = new Community { Id = label, Size = summary.Sizes[label] };
        community.TopTopics.AddRange(Enumerable.Range(0, g.TopicCount).Where(t => shares[t] > 0)
            .OrderByDescending(t => shares[t]).ThenBy(t => t).Take(5)
            .Select(t => new TopicInterest { TopicId = g.Topics[t], Name = g.TopicNames[t], Weight = shares[t] }));
        return community;
    }

    private static Activity ActivityOf(ServingState state, int user)
    {
        var g = state.Graph;
        var log = g.Interactions;
        var activity = new Activity
        {
            InteractionCount = log.CountOf(user),
            FollowingCount = g.Following.Degree(user),
            FollowerCount = g.Followers.Degree(user),
            PostedCount = state.PostedCounts[user],
        };
        foreach (var group in log.Kinds.AsSpan(log.Range(user)).ToArray().GroupBy(k => k).OrderBy(k => k.Key))
            activity.InteractionsByKind[group.Key.ToCsv()] = group.Count();
        var times = log.TimestampsOf(user);
        if (!times.IsEmpty)
        {
            activity.FirstActivity = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(times[0]));
            activity.LastActivity = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(times[^1]));
        }
        return activity;
    }
}
