namespace GraphAttn.Neo4j.Graph;

/// <summary>
/// The change feed's queries: per kind, what was written at or after a watermark, in (<c>updatedAt</c>, key) order
/// with keyset pagination (<c>$since</c> = the last row's updatedAt, <c>$after</c> = its key, "" to start;
/// <c>$limit</c> rows per page), so each page is a range scan of an updatedAt index and rows written in the same
/// millisecond are neither skipped nor repeated. Relationships are keyed by <c>elementId</c>. Tombstones
/// (<see cref="Neo4jSchema.Unfollowed"/>) make unfollows visible: a deleted relationship leaves nothing to read.
/// </summary>
internal sealed class ChangeQueries(Neo4jSchema s)
{
    public string Users =>
        $"MATCH (n:`{s.UserLabel}`) WHERE {Since("n", $"n.`{s.UserId}`")} " +
        $"RETURN n.`{s.UserId}` AS key, n.`{s.UserName}` AS name, n.`{s.UpdatedAt}` AS updated ORDER BY updated, key LIMIT $limit";

    public string Contents =>
        $"MATCH (n:`{s.ContentLabel}`) WHERE {Since("n", $"n.`{s.ContentId}`")} " +
        $"WITH n ORDER BY n.`{s.UpdatedAt}`, n.`{s.ContentId}` LIMIT $limit " +
        $"RETURN n.`{s.ContentId}` AS key, n.`{s.ContentTitle}` AS title, n.`{s.UpdatedAt}` AS updated, " +
        $"[(n)-[:`{s.Tagged}`]->(t:`{s.TopicLabel}`) | [t.`{s.TopicId}`, t.`{s.TopicName}`]] AS topics, " +
        $"[(a:`{s.UserLabel}`)-[:`{s.Posted}`]->(n) | a.`{s.UserId}`] AS authors ORDER BY updated, key";

    public string Interactions => Rels(s.Interacted, s.ContentLabel, s.ContentId,
        $"r.`{s.InteractionKind}` AS kind, r.`{s.InteractionTs}` AS at, r.`{s.InteractionWeight}` AS weight");

    public string Follows => Rels(s.Follows, s.UserLabel, s.UserId, $"coalesce(r.`{s.FollowsAt}`, r.`{s.FollowsSince}`) AS at");

    public string Unfollows => Rels(s.Unfollowed, s.UserLabel, s.UserId, $"r.`{s.UnfollowedAt}` AS at");

    private string Rels(string type, string toLabel, string toId, string columns) =>
        $"MATCH (a:`{s.UserLabel}`)-[r:`{type}`]->(b:`{toLabel}`) WHERE {Since("r", "elementId(r)")} " +
        $"RETURN elementId(r) AS key, a.`{s.UserId}` AS from, b.`{toId}` AS to, {columns}, r.`{s.EventId}` AS id, " +
        $"r.`{s.UpdatedAt}` AS updated ORDER BY updated, key LIMIT $limit";

    private string Since(string variable, string key) =>
        $"{variable}.`{s.UpdatedAt}` >= $since AND ({variable}.`{s.UpdatedAt}` > $since OR {key} > $after)";
}
