using System.Text.RegularExpressions;

namespace GraphAttn.Neo4j.Graph;

/// <summary>
/// How the social graph is stored in Neo4j: labels, relationship types and property names. The defaults match
/// graph-seeds/load.cypher. Names are validated (letters, digits, underscore) and back-quoted in Cypher, so a
/// mapping read from configuration cannot inject query text.
/// </summary>
public sealed partial record Neo4jSchema
{
    /// <summary>User label (default <c>User</c>).</summary>
    public string UserLabel { get; init; } = "User";
    /// <summary>User id property (default <c>userId</c>).</summary>
    public string UserId { get; init; } = "userId";
    /// <summary>User display name property (default <c>name</c>).</summary>
    public string UserName { get; init; } = "name";
    /// <summary>User creation time, epoch ms (default <c>joinedAt</c>); used by incremental loads.</summary>
    public string UserJoinedAt { get; init; } = "joinedAt";
    /// <summary>Content label (default <c>Content</c>).</summary>
    public string ContentLabel { get; init; } = "Content";
    /// <summary>Content id property (default <c>contentId</c>).</summary>
    public string ContentId { get; init; } = "contentId";
    /// <summary>Content title property (default <c>title</c>).</summary>
    public string ContentTitle { get; init; } = "title";
    /// <summary>Content creation time, epoch ms (default <c>createdAt</c>).</summary>
    public string ContentCreatedAt { get; init; } = "createdAt";
    /// <summary>Topic label (default <c>Topic</c>).</summary>
    public string TopicLabel { get; init; } = "Topic";
    /// <summary>Topic id property (default <c>topicId</c>).</summary>
    public string TopicId { get; init; } = "topicId";
    /// <summary>Topic name property (default <c>name</c>).</summary>
    public string TopicName { get; init; } = "name";
    /// <summary>User to user relationship type (default <c>FOLLOWS</c>).</summary>
    public string Follows { get; init; } = "FOLLOWS";
    /// <summary>Follow time property, epoch ms (default <c>since</c>).</summary>
    public string FollowsSince { get; init; } = "since";
    /// <summary>User to content interaction type (default <c>INTERACTED</c>).</summary>
    public string Interacted { get; init; } = "INTERACTED";
    /// <summary>Interaction kind property: view, like, comment, share or play (default <c>kind</c>).</summary>
    public string InteractionKind { get; init; } = "kind";
    /// <summary>Interaction time property, epoch ms (default <c>ts</c>).</summary>
    public string InteractionTs { get; init; } = "ts";
    /// <summary>Interaction weight property; missing means 1 (default <c>weight</c>).</summary>
    public string InteractionWeight { get; init; } = "weight";
    /// <summary>Author relationship type (default <c>POSTED</c>).</summary>
    public string Posted { get; init; } = "POSTED";
    /// <summary>Posting time property, epoch ms (default <c>ts</c>).</summary>
    public string PostedTs { get; init; } = "ts";
    /// <summary>Content to topic relationship type (default <c>TAGGED</c>).</summary>
    public string Tagged { get; init; } = "TAGGED";
    /// <summary>
    /// Change time, epoch ms from the database's clock (<c>timestamp()</c>), set on users, contents, topics,
    /// interactions, follows and unfollow tombstones whenever they are written (default <c>updatedAt</c>). The change
    /// feed reads by it, so apps that write the graph directly should set it too.
    /// </summary>
    public string UpdatedAt { get; init; } = "updatedAt";
    /// <summary>Id of the event that wrote a relationship (default <c>eventId</c>); writes are idempotent on it.</summary>
    public string EventId { get; init; } = "eventId";
    /// <summary>Time of the last follow event of a FOLLOWS relationship, epoch ms (default <c>at</c>; <c>since</c> keeps the first).</summary>
    public string FollowsAt { get; init; } = "at";
    /// <summary>Tombstone relationship an unfollow leaves, so the change feed sees it (default <c>UNFOLLOWED</c>).</summary>
    public string Unfollowed { get; init; } = "UNFOLLOWED";
    /// <summary>Time of the unfollow on its tombstone, epoch ms (default <c>at</c>).</summary>
    public string UnfollowedAt { get; init; } = "at";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first property that is not a plain identifier.</summary>
    public void Validate()
    {
        foreach (var property in typeof(Neo4jSchema).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            RequireIdentifier("Neo4j schema mapping " + property.Name, (string?)property.GetValue(this));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="value"/> is a plain identifier.</summary>
    internal static void RequireIdentifier(string what, string? value)
    {
        if (value is null || !Identifier().IsMatch(value))
        {
            throw new ArgumentException($"{what} = '{value}' is not a plain identifier (letters, digits, _).");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex Identifier();
}
