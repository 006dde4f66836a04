namespace GraphAttn.Neo4j.Graph;

/// <summary>
/// The paged read queries of <see cref="Neo4jGraphSource"/>. Every query walks its anchor nodes in id order
/// with keyset pagination (<c>WHERE id &gt; $after ORDER BY id LIMIT $limit</c>), so each page is an index
/// range scan whatever the offset. Relationship queries page over their start nodes and OPTIONAL MATCH the
/// relationships, so a start node without relationships still advances the key (its row has null ends).
/// Parameters: <c>$after</c> (last id of the previous page, "" first), <c>$limit</c>, <c>$since</c> (epoch ms;
/// long.MinValue for a full load).
/// </summary>
internal sealed class CypherQueries(Neo4jSchema s)
{
    public string Users => Nodes(s.UserLabel, s.UserId, $"n.`{s.UserName}` AS name", s.UserJoinedAt);

    public string Contents => Nodes(s.ContentLabel, s.ContentId, $"n.`{s.ContentTitle}` AS title", s.ContentCreatedAt);

    public string Topics => Nodes(s.TopicLabel, s.TopicId, $"n.`{s.TopicName}` AS name", since: null);

    public string Follows => Rels(s.UserLabel, s.UserId, s.Follows, s.UserLabel, s.UserId, $"r.`{s.FollowsSince}` AS since", s.FollowsSince);

    public string Interactions => Rels(s.UserLabel, s.UserId, s.Interacted, s.ContentLabel, s.ContentId,
        $"r.`{s.InteractionKind}` AS kind, r.`{s.InteractionTs}` AS ts, r.`{s.InteractionWeight}` AS weight", s.InteractionTs);

    public string Posted => Rels(s.UserLabel, s.UserId, s.Posted, s.ContentLabel, s.ContentId, $"r.`{s.PostedTs}` AS ts", s.PostedTs);

    // Topics carry no timestamp: an incremental load re-reads the tags of new content only.
    public string Tagged => Rels(s.ContentLabel, s.ContentId, s.Tagged, s.TopicLabel, s.TopicId, "null AS unused", since: null,
        anchorSince: s.ContentCreatedAt);

    private static string Nodes(string label, string id, string columns, string? since) =>
        $"MATCH (n:`{label}`) WHERE n.`{id}` > $after{SinceFilter("n", since)} " +
        $"RETURN n.`{id}` AS id, {columns} ORDER BY id LIMIT $limit";

    private static string Rels(string fromLabel, string fromId, string type, string toLabel, string toId, string columns,
        string? since, string? anchorSince = null) =>
        $"MATCH (a:`{fromLabel}`) WHERE a.`{fromId}` > $after{SinceFilter("a", anchorSince)} " +
        $"WITH a ORDER BY a.`{fromId}` LIMIT $limit " +
        $"OPTIONAL MATCH (a)-[r:`{type}`]->(b:`{toLabel}`){(since is null ? "" : $" WHERE coalesce(r.`{since}`, 0) > $since")} " +
        $"RETURN a.`{fromId}` AS from, b.`{toId}` AS to, {columns} ORDER BY from";

    private static string SinceFilter(string variable, string? property) =>
        property is null ? "" : $" AND coalesce({variable}.`{property}`, 0) > $since";
}
