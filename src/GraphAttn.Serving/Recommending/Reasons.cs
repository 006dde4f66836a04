using GraphAttn.Contracts.V1;
using GraphAttn.Graph;

namespace GraphAttn.Serving.Recommending;

/// <summary>Builders for wire-level reasons and evidence.</summary>
public static class Reasons
{
    /// <summary>A reason with its evidence.</summary>
    public static Reason Make(ReasonKind kind, string text, IEnumerable<Evidence> evidence)
    {
        var reason = new Reason { Kind = kind, Text = text };
        reason.Evidence.AddRange(evidence);
        return reason;
    }

    /// <summary>Evidence naming a user.</summary>
    public static Evidence User(SocialGraph g, int user, float weight) =>
        new() { Type = EntityType.User, Id = g.Users[user], Name = g.UserNames[user], Weight = weight };

    /// <summary>Evidence naming a content item.</summary>
    public static Evidence Content(SocialGraph g, int content, float weight) =>
        new() { Type = EntityType.Content, Id = g.Contents[content], Name = g.ContentTitles[content], Weight = weight };

    /// <summary>Evidence naming a topic.</summary>
    public static Evidence Topic(SocialGraph g, int topic, float weight) =>
        new() { Type = EntityType.Topic, Id = g.Topics[topic], Name = g.TopicNames[topic], Weight = weight };
}
