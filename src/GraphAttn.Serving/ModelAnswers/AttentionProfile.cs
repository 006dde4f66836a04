using GraphAttn.Contracts.V1;
using GraphAttn.Graph;

namespace GraphAttn.Serving.ModelAnswers;

/// <summary>
/// The model's half of a profile: interests as the topics of the history items the user's embedding attended to
/// (each item's attention shared equally among its topics, normalised to sum to 1), and influential friends as the
/// followees it attended to, with their attention weights.
/// </summary>
public static class AttentionProfile
{
    private const int MaxEntries = 10;

    /// <summary>Replaces the baseline interests and influential friends of <paramref name="profile"/> when attention has any.</summary>
    public static void Apply(GetUserProfileResponse profile, ModelView view, ModelUser model)
    {
        var g = view.Graph;
        var interests = Interests(g, model);
        if (interests.Count > 0)
        {
            profile.Interests.Clear();
            profile.Interests.AddRange(interests);
        }

        if (model.Attention.Friends.Count > 0)
        {
            profile.InfluentialFriends.Clear();
            profile.InfluentialFriends.AddRange(model.Attention.Friends.Take(MaxEntries).Select(f => new InfluentialFriend
            {
                UserId = g.Users[f.User],
                Name = g.UserNames[f.User],
                Weight = f.Weight,
            }));
        }

        profile.Provenance = view.Provenance;
    }

    private static List<TopicInterest> Interests(SocialGraph g, ModelUser model)
    {
        var weights = new Dictionary<int, float>();
        foreach ((int content, float attention) in model.Attention.History)
        {
            var topics = g.ContentTopics.Neighbors(content);
            foreach (int t in topics) weights[t] = weights.GetValueOrDefault(t) + attention / topics.Length;
        }

        float total = weights.Values.Sum();
        return total <= 0
            ? []
            : weights.OrderByDescending(w => w.Value).ThenBy(w => w.Key).Take(MaxEntries)
                .Select(w => new TopicInterest { TopicId = g.Topics[w.Key], Name = g.TopicNames[w.Key], Weight = w.Value / total })
                .ToList();
    }
}
