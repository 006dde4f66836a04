using Google.Protobuf.WellKnownTypes;
using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.State;

namespace GraphAttn.Serving.Profiles;

/// <summary>
/// Baseline user profile: topic interests from interaction counts, influential friends as the share of the user's
/// history that a followed user had engaged with first, the label-propagation community, and activity counts. Live
/// edits not yet folded into the graph count in the interests and the activity (interactions, whom the user follows);
/// influential friends, communities and follower counts come from the graph and catch up at the next compaction.
/// </summary>
public static class ProfileBuilder
{
    private const int MaxInterests = 10;
    private const int MaxFriends = 10;

    /// <summary>Builds the profile of <paramref name="user"/> from the graph alone.</summary>
    public static GetUserProfileResponse Build(ServingState state, int user) => Build(state, user, UserOverlay.Empty);

    /// <summary>Builds the profile of <paramref name="user"/> with their live edits.</summary>
    public static GetUserProfileResponse Build(ServingState state, int user, UserOverlay overlay)
    {
        var g = state.Graph;
        var profile = new GetUserProfileResponse
        {
            UserId = g.Users[user],
            Name = g.UserNames[user],
            Community = CommunityOf(state, user),
            Activity = ActivityOf(state, user, overlay),
            Provenance = state.Provenance,
        };
        profile.Interests.AddRange(Interests(g, user, MaxInterests, overlay));
        foreach (var f in InfluentialFriends.Top(g, state.HistoryByContent, user, MaxFriends))
            profile.InfluentialFriends.Add(new InfluentialFriend { UserId = g.Users[f.User], Name = g.UserNames[f.User], Weight = f.Weight });
        return profile;
    }

    /// <summary>Top topic interests of a user, strongest first.</summary>
    public static IEnumerable<TopicInterest> Interests(SocialGraph g, int user, int max) => Interests(g, user, max, UserOverlay.Empty);

    /// <summary>Top topic interests of a user with their live interactions, strongest first.</summary>
    public static IEnumerable<TopicInterest> Interests(SocialGraph g, int user, int max, UserOverlay overlay)
    {
        var weights = new float[g.TopicCount];
        TopicInterests.Of(g, user, weights);
        if (overlay.InteractionCount > 0)
        {
            // The same measure over the graph's history and the live interactions together: undo the normalisation,
            // add the live ones, normalise again.
            var total = 0f;
            foreach (var c in g.Interactions.ContentOf(user))
                if (!g.ContentTopics.Neighbors(c).IsEmpty) total += 1f;
            for (var t = 0; t < weights.Length; t++) weights[t] *= total;
            foreach (var x in overlay.Interactions)
            {
                var topics = g.ContentTopics.Neighbors(x.Content);
                if (topics.IsEmpty) continue;
                foreach (var t in topics) weights[t] += 1f / topics.Length;
                total += 1f;
            }

            if (total > 0) for (var t = 0; t < weights.Length; t++) weights[t] /= total;
        }

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

    private static Activity ActivityOf(ServingState state, int user, UserOverlay overlay)
    {
        var g = state.Graph;
        var log = g.Interactions;
        var following = g.Following.Degree(user);
        foreach (var edit in overlay.FollowEdits)
        {
            var inGraph = g.Following.Contains(user, edit.Target);
            following += edit.Follows == inGraph ? 0 : edit.Follows ? 1 : -1;
        }

        Span<int> kinds = stackalloc int[InteractionKinds.Count];
        foreach (var kind in log.Kinds.AsSpan(log.Range(user))) kinds[(int)kind]++;
        var times = log.TimestampsOf(user);
        long first = times.IsEmpty ? long.MaxValue : times[0], last = times.IsEmpty ? long.MinValue : times[^1];
        var live = 0;
        foreach (var x in overlay.Interactions)
        {
            kinds[(int)x.Kind]++;
            first = Math.Min(first, x.TimestampMs);
            last = Math.Max(last, x.TimestampMs);
            live++;
        }

        var activity = new Activity
        {
            InteractionCount = log.CountOf(user) + live,
            FollowingCount = following,
            FollowerCount = g.Followers.Degree(user),
            PostedCount = state.PostedCounts[user],
        };
        for (var k = 0; k < kinds.Length; k++)
            if (kinds[k] > 0) activity.InteractionsByKind[((GraphAttn.Graph.InteractionKind)k).ToCsv()] = kinds[k];
        if (first <= last)
        {
            activity.FirstActivity = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(first));
            activity.LastActivity = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(last));
        }
        return activity;
    }
}
