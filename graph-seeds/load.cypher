// Loads a graph-seeds folder into Neo4j 5.23+ with LOAD CSV: the same nodes, relationships and property names
// that `neo4j-admin database import full` gives from the same files (see README.md in this folder).
//
// Run with cypher-shell, which sends each statement as an implicit (auto-commit) transaction, as
// CALL { ... } IN TRANSACTIONS requires (in Neo4j Browser prefix each statement with :auto):
//   cypher-shell -a neo4j://localhost:7687 -u neo4j -p "$NEO4J_PASSWORD" \
//     --param "base => 'file:///demo'" -f graph-seeds/load.cypher
// where $base is the folder as LOAD CSV sees it (copy the folder into the server's import directory first).
// Every statement MERGEs, so running the script twice leaves the graph unchanged.

// 1. Constraints first: they make the MERGEs below index lookups instead of label scans.
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.userId IS UNIQUE;
CREATE CONSTRAINT content_id IF NOT EXISTS FOR (c:Content) REQUIRE c.contentId IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.topicId IS UNIQUE;
CALL db.awaitIndexes(300);

// 2. Nodes.
LOAD CSV WITH HEADERS FROM $base + '/users.csv' AS row
CALL (row) {
  MERGE (u:User {userId: row.`userId:ID(User)`})
  SET u.name = row.name, u.joinedAt = toInteger(row.`joinedAt:long`)
} IN TRANSACTIONS OF 10000 ROWS;

LOAD CSV WITH HEADERS FROM $base + '/contents.csv' AS row
CALL (row) {
  MERGE (c:Content {contentId: row.`contentId:ID(Content)`})
  SET c.title = row.title, c.createdAt = toInteger(row.`createdAt:long`)
} IN TRANSACTIONS OF 10000 ROWS;

LOAD CSV WITH HEADERS FROM $base + '/topics.csv' AS row
CALL (row) {
  MERGE (t:Topic {topicId: row.`topicId:ID(Topic)`})
  SET t.name = row.name
} IN TRANSACTIONS OF 10000 ROWS;

// 3. Relationships. Endpoints are MATCHed, so a row naming a missing node adds nothing.
LOAD CSV WITH HEADERS FROM $base + '/follows.csv' AS row
CALL (row) {
  MATCH (a:User {userId: row.`:START_ID(User)`})
  MATCH (b:User {userId: row.`:END_ID(User)`})
  MERGE (a)-[f:FOLLOWS]->(b)
  SET f.since = toInteger(row.`since:long`)
} IN TRANSACTIONS OF 10000 ROWS;

// A user may interact with one content several times; kind and ts tell those relationships apart.
LOAD CSV WITH HEADERS FROM $base + '/interactions.csv' AS row
CALL (row) {
  MATCH (u:User {userId: row.`:START_ID(User)`})
  MATCH (c:Content {contentId: row.`:END_ID(Content)`})
  MERGE (u)-[i:INTERACTED {kind: row.kind, ts: toInteger(row.`ts:long`)}]->(c)
  SET i.weight = toFloat(row.`weight:float`)
} IN TRANSACTIONS OF 10000 ROWS;

LOAD CSV WITH HEADERS FROM $base + '/posted.csv' AS row
CALL (row) {
  MATCH (u:User {userId: row.`:START_ID(User)`})
  MATCH (c:Content {contentId: row.`:END_ID(Content)`})
  MERGE (u)-[p:POSTED]->(c)
  SET p.ts = toInteger(row.`ts:long`)
} IN TRANSACTIONS OF 10000 ROWS;

LOAD CSV WITH HEADERS FROM $base + '/tagged.csv' AS row
CALL (row) {
  MATCH (c:Content {contentId: row.`:START_ID(Content)`})
  MATCH (t:Topic {topicId: row.`:END_ID(Topic)`})
  MERGE (c)-[:TAGGED]->(t)
} IN TRANSACTIONS OF 10000 ROWS;
