using GraphAttn.Neo4j.Graph;

namespace GraphAttn.Neo4j.Events;

/// <summary>
/// The Cypher that writes graph events, one UNWIND statement per kind over a <c>$rows</c> list, every write stamping
/// <see cref="Neo4jSchema.UpdatedAt"/> with the database's clock for the change feed. All are idempotent: an
/// interaction is MERGEd on its event id; a follow or unfollow applies only when it is at least as new as the pair's
/// last one (a follow keeps the time of its last event in <see cref="Neo4jSchema.FollowsAt"/>, an unfollow deletes the
/// relationship and leaves a tombstone with its time); users and contents are MERGEd on their ids.
/// </summary>
public sealed class EventStatements(Neo4jSchema s)
{
    /// <summary>Rows {id, name, at}: creates users, renames existing ones when the name is not empty.</summary>
    public string Users =>
        $"UNWIND $rows AS e MERGE (n:`{s.UserLabel}` {{`{s.UserId}`: e.id}}) " +
        $"ON CREATE SET n.`{s.UserName}` = e.name, n.`{s.UserJoinedAt}` = e.at, n.`{s.UpdatedAt}` = timestamp() " +
        $"WITH n, e WHERE e.name <> '' AND coalesce(n.`{s.UserName}`, '') <> e.name " +
        $"SET n.`{s.UserName}` = e.name, n.`{s.UpdatedAt}` = timestamp()";

    /// <summary>Rows {id, title, at, author, topics: [{id, name}]}: creates contents not there yet, with tags and author.</summary>
    public string NewContents =>
        $"UNWIND $rows AS e OPTIONAL MATCH (old:`{s.ContentLabel}` {{`{s.ContentId}`: e.id}}) WITH e, old WHERE old IS NULL " +
        $"CREATE (n:`{s.ContentLabel}` {{`{s.ContentId}`: e.id, `{s.ContentTitle}`: e.title, `{s.ContentCreatedAt}`: e.at, `{s.UpdatedAt}`: timestamp()}}) " +
        $"FOREACH (t IN e.topics | MERGE (topic:`{s.TopicLabel}` {{`{s.TopicId}`: t.id}}) " +
        $"ON CREATE SET topic.`{s.TopicName}` = t.name, topic.`{s.UpdatedAt}` = timestamp() MERGE (n)-[:`{s.Tagged}`]->(topic)) " +
        $"WITH n, e OPTIONAL MATCH (a:`{s.UserLabel}` {{`{s.UserId}`: e.author}}) " +
        $"FOREACH (author IN CASE WHEN a IS NULL THEN [] ELSE [a] END | MERGE (author)-[:`{s.Posted}` {{`{s.PostedTs}`: e.at}}]->(n))";

    /// <summary>Rows {id, title}: retitles contents whose title differs (after <see cref="NewContents"/>).</summary>
    public string Retitles =>
        $"UNWIND $rows AS e MATCH (n:`{s.ContentLabel}` {{`{s.ContentId}`: e.id}}) " +
        $"WITH n, e WHERE e.title <> '' AND coalesce(n.`{s.ContentTitle}`, '') <> e.title " +
        $"SET n.`{s.ContentTitle}` = e.title, n.`{s.UpdatedAt}` = timestamp()";

    /// <summary>Rows {id, user, content, kind, at, weight}: one relationship per event id.</summary>
    public string Interactions =>
        $"UNWIND $rows AS e MATCH (u:`{s.UserLabel}` {{`{s.UserId}`: e.user}}) MATCH (c:`{s.ContentLabel}` {{`{s.ContentId}`: e.content}}) " +
        $"MERGE (u)-[r:`{s.Interacted}` {{`{s.EventId}`: e.id}}]->(c) " +
        $"ON CREATE SET r.`{s.InteractionKind}` = e.kind, r.`{s.InteractionTs}` = e.at, r.`{s.InteractionWeight}` = e.weight, " +
        $"r.`{s.UpdatedAt}` = timestamp()";

    /// <summary>Rows {id, from, to, at}: follows newer than the pair's tombstone; a newer follow of a followed pair moves its time.</summary>
    public string Follows =>
        $"UNWIND $rows AS e MATCH (a:`{s.UserLabel}` {{`{s.UserId}`: e.from}}) MATCH (b:`{s.UserLabel}` {{`{s.UserId}`: e.to}}) " +
        $"OPTIONAL MATCH (a)-[t:`{s.Unfollowed}`]->(b) WITH a, b, e, t WHERE t IS NULL OR t.`{s.UnfollowedAt}` <= e.at " +
        $"DELETE t MERGE (a)-[r:`{s.Follows}`]->(b) " +
        $"ON CREATE SET r.`{s.FollowsSince}` = e.at, r.`{s.FollowsAt}` = e.at, r.`{s.EventId}` = e.id, r.`{s.UpdatedAt}` = timestamp() " +
        $"ON MATCH SET r.`{s.UpdatedAt}` = {Newer(FollowTime, "timestamp()", "r", s.UpdatedAt)}, " +
        $"r.`{s.EventId}` = {Newer(FollowTime, "e.id", "r", s.EventId)}, r.`{s.FollowsAt}` = {Newer(FollowTime, "e.at", "r", s.FollowsAt)}";

    /// <summary>Rows {id, from, to, at}: removes follows not newer than the unfollow and leaves (or moves) the tombstone.</summary>
    public string Unfollows =>
        $"UNWIND $rows AS e MATCH (a:`{s.UserLabel}` {{`{s.UserId}`: e.from}}) MATCH (b:`{s.UserLabel}` {{`{s.UserId}`: e.to}}) " +
        $"OPTIONAL MATCH (a)-[r:`{s.Follows}`]->(b) " +
        $"WITH a, b, e, r WHERE r IS NULL OR {FollowTime} <= e.at " +
        $"DELETE r MERGE (a)-[t:`{s.Unfollowed}`]->(b) " +
        $"ON CREATE SET t.`{s.UnfollowedAt}` = e.at, t.`{s.EventId}` = e.id, t.`{s.UpdatedAt}` = timestamp() " +
        $"ON MATCH SET t.`{s.UpdatedAt}` = {Newer(TombstoneTime, "timestamp()", "t", s.UpdatedAt)}, " +
        $"t.`{s.EventId}` = {Newer(TombstoneTime, "e.id", "t", s.EventId)}, t.`{s.UnfollowedAt}` = {Newer(TombstoneTime, "e.at", "t", s.UnfollowedAt)}";

    /// <summary>The indexes the change feed and the writes use (idempotent).</summary>
    public IReadOnlyList<string> Indexes =>
    [
        NodeIndex("user", s.UserLabel), NodeIndex("content", s.ContentLabel), NodeIndex("topic", s.TopicLabel),
        RelIndex("interacted", s.Interacted), RelIndex("follows", s.Follows), RelIndex("unfollowed", s.Unfollowed),
    ];

    private string NodeIndex(string name, string label) =>
        $"CREATE INDEX graphattn_{name}_updated IF NOT EXISTS FOR (n:`{label}`) ON (n.`{s.UpdatedAt}`)";

    private string RelIndex(string name, string type) =>
        $"CREATE INDEX graphattn_{name}_updated IF NOT EXISTS FOR ()-[r:`{type}`]-() ON (r.`{s.UpdatedAt}`)";

    // A follow's time: its last follow event's, or when it began for a relationship loaded without one.
    private string FollowTime => $"coalesce(r.`{s.FollowsAt}`, r.`{s.FollowsSince}`, 0)";

    private string TombstoneTime => $"coalesce(t.`{s.UnfollowedAt}`, 0)";

    // The new value when the event is newer than what the relationship holds, else the old one; the time is
    // compared before it is moved (SET items run in order).
    private static string Newer(string time, string value, string variable, string property) =>
        $"CASE WHEN {time} < e.at THEN {value} ELSE {variable}.`{property}` END";
}
