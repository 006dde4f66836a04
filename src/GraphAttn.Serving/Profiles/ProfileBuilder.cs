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
        foreach (var f in InfluentialFriends.Top(g, state.HistoryByContent, user, MaxFriends))
            profile.InfluentialFriends.Add(new InfluentialFriend { UserId = g.Users[f.User], Name = g.UserNames[f.User], Weight = f.Weight });
        return profile;
    }

    /// <summary>Top topic interests of a user, strongest first.</summary>
    public static IEnumerable<TopicInterest> Interests(SocialGraph g, int user, int max)
    {
        var weights = new float[g.TopicCount];
        TopicInterests.Of(g, user, weights);
        return TopTopics(g, weights, max);
    }

    // Topics with a positive weight, strongest first, ties by index: a small sort instead of a LINQ pipeline.
    private static List<TopicInterest> TopTopics(SocialGraph g, float[] weights, int max)
    {
        var topics = new List<int>();
        for (var t = 0; t < weights.Length; t++)
            if (weights[t] > 0) topics.Add(t);
        topics.Sort((a, b) => weights[a] != weights[b] ? weights[b].CompareTo(weights[a]) : a.CompareTo(b));
        var result = new List<TopicInterest>(Math.Min(max, topics.Count));
        for (var i = 0; i < topics.Count && i < max; i++)
            result.Add(new TopicInterest { TopicId = g.Topics[topics[i]], Name = g.TopicNames[topics[i]], Weight = weights[topics[i]] });
        return result;
    }

    private static Community CommunityOf(ServingState state, int user)
    {
        var summary = state.Communities;
        var label = summary.Labels[user];
        var community = new Community { Id = label, Size = summary.Sizes[label] };
        community.TopTopics.AddRange(TopTopics(state.Graph, summary.TopicShares[label], 5));
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
        Span<int> perKind = stackalloc int[256];
        perKind.Clear();
        foreach (var kind in log.Kinds.AsSpan(log.Range(user))) perKind[(byte)kind]++;
        for (var k = 0; k < perKind.Length; k++)
            if (perKind[k] > 0) activity.InteractionsByKind[((GraphAttn.Graph.InteractionKind)k).ToCsv()] = perKind[k];
        var times = log.TimestampsOf(user);
        if (!times.IsEmpty)
        {
            activity.FirstActivity = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(times[0]));
            activity.LastActivity = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(times[^1]));
        }
        return activity;
    }
}
