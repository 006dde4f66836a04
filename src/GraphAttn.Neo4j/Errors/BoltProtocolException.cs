namespace GraphAttn.Neo4j.Errors;

/// <summary>
/// The bytes on the wire broke the Bolt or PackStream rules: truncated, oversized, malformed or unexpected.
/// The connection that produced it is not reused.
/// </summary>
public sealed class BoltProtocolException(string message, Exception? inner = null) : Neo4jException(message, inner);
