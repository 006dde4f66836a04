// Loads a graph-seeds folder into Neo4j 5 with LOAD CSV (the CSV files must be in Neo4j's import directory;
// deploy/compose.yaml mounts graph-seeds/demo there). Run with:
//   cypher-shell -a bolt://localhost:7687 -u neo4j -p "$NEO4J_PASSWORD" -f graph-seeds/load.cypher
// The schema is the default mapping of GraphAttn.Neo4j's Neo4jGraphSource (Neo4jSchema): labels User, Content,
// Topic; relationships FOLLOWS {since}, INTERACTED {kind, ts, weight}, POSTED {ts}, TAGGED. Every statement
// MERGEs, so running the script again changes nothing. An interaction is identified by (user, content, kind, ts).

CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.userId IS UNIQUE;
CREATE CONSTRAINT content_id IF NOT EXISTS FOR (c:Content) REQUIRE c.contentId IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.topicId IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///users.csv' AS row
MERGE (u:User {userId: row.`userId:ID(User)`})
SET u.name = coalesce(row.name, ''), u.joinedAt = toInteger(row.`joinedAt:long`);

LOAD CSV WITH HEADERS FROM 'file:///contents.csv' AS row
MERGE (c:Content {contentId: row.`contentId:ID(Content)`})
SET c.title = coalesce(row.title, ''), c.createdAt = toInteger(row.`createdAt:long`);

LOAD CSV WITH HEADERS FROM 'file:///topics.csv' AS row
MERGE (t:Topic {topicId: row.`topicId:ID(Topic)`})
SET t.name = coalesce(row.name, '');

LOAD CSV WITH HEADERS FROM 'file:///follows.csv' AS row
MATCH (a:User {userId: row.`:START_ID(User)`}), (b:User {userId: row.`:END_ID(User)`})
MERGE (a)-[f:FOLLOWS]->(b)
SET f.since = toInteger(row.`since:long`);

LOAD CSV WITH HEADERS FROM 'file:///interactions.csv' AS row
MATCH (u:User {userId: row.`:START_ID(User)`}), (c:Content {contentId: row.`:END_ID(Content)`})
MERGE (u)-[i:INTERACTED {kind: row.kind, ts: toInteger(row.`ts:long`)}]->(c)
SET i.weight = coalesce(toFloat(row.`weight:float`), 1.0);

LOAD CSV WITH HEADERS FROM 'file:///posted.csv' AS row
MATCH (u:User {userId: row.`:START_ID(User)`}), (c:Content {contentId: row.`:END_ID(Content)`})
MERGE (u)-[p:POSTED]->(c)
SET p.ts = toInteger(row.`ts:long`);

LOAD CSV WITH HEADERS FROM 'file:///tagged.csv' AS row
MATCH (c:Content {contentId: row.`:START_ID(Content)`}), (t:Topic {topicId: row.`:END_ID(Topic)`})
MERGE (c)-[:TAGGED]->(t);
