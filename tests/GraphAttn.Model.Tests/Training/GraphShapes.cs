using GraphAttn.Graph;

namespace GraphAttn.Model.Tests.Training;

/// <summary>
/// Tiny hand-built graphs of every shape a deployment can hand the trainer: each lacks one part (content, follows,
/// topics, timestamps) or holds nodes with nothing attached (users without history, content nobody touched).
/// Built from one pattern so the shapes differ only in what they leave out: 12 users in two groups of 6 who follow
/// each other within the group, 10 contents in two halves that each group's users interact with.
/// </summary>
internal static class GraphShapes
{
    private const int Users = 12;
    private const int Contents = 10;

    /// <summary>Follows only: no content, no topics, no interactions (the ego-Facebook shape).</summary>
    public static SocialGraph FriendsOnly() => Build(content: false, follows: true, topics: false, timestamps: true);

    /// <summary>Interactions with topics, no follows.</summary>
    public static SocialGraph InteractionsOnly() => Build(content: true, follows: false, topics: true, timestamps: true);

    /// <summary>Follows and interactions, no topics.</summary>
    public static SocialGraph NoTopics() => Build(content: true, follows: true, topics: false, timestamps: true);

    /// <summary>Everything but every timestamp 0 (a source without dates).</summary>
    public static SocialGraph NoTimestamps() => Build(content: true, follows: true, topics: true, timestamps: false);

    /// <summary>Everything, plus users with follows but no history and one user with nothing at all.</summary>
    public static SocialGraph UsersWithoutHistory() =>
        Build(content: true, follows: true, topics: true, timestamps: true, silentUsers: 3);

    /// <summary>Everything, plus contents (tagged, and untagged) that nobody interacted with.</summary>
    public static SocialGraph ContentWithoutInteractions() =>
        Build(content: true, follows: true, topics: true, timestamps: true, idleContents: 4);

    private static SocialGraph Build(bool content, bool follows, bool topics, bool timestamps, int silentUsers = 0,
        int idleContents = 0)
    {
        var b = new GraphBuilder();
        for (var u = 0; u < Users; u++) b.AddUser($"u{u:D2}", $"user {u}");
        if (topics)
        {
            b.AddTopic("t0", "first");
            b.AddTopic("t1", "second");
        }
        if (content)
        {
            for (var c = 0; c < Contents + idleContents; c++) b.AddContent($"c{c:D2}", $"content {c}");
            // Idle contents alternate between tagged and untagged: both must embed.
            for (var c = 0; c < Contents + idleContents; c++)
                if (topics && (c < Contents || c % 2 == 0)) b.AddTagged($"c{c:D2}", c % 2 == 0 ? "t0" : "t1");
            for (var u = silentUsers; u < Users; u++)
            {
                var half = u % 2;
                for (var k = 0; k < 4; k++)
                {
                    var c = half * (Contents / 2) + (u + k) % (Contents / 2);
                    b.AddInteraction($"u{u:D2}", $"c{c:D2}", (InteractionKind)(k % 5), timestamps ? 1_700_000_000_000 + u * 1000 + k : 0, 1f + k);
                }
            }
        }
        if (follows)
            for (var u = 0; u < Users; u++)
                for (var step = 2; step <= 4; step += 2)
                    b.AddFollow($"u{u:D2}", $"u{(u + step) % Users:D2}");
        if (silentUsers > 0) b.AddUser("u99", "no history, no follows");
        return b.Build();
    }
}
