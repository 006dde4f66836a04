namespace GraphAttn.Neo4j.Errors;

/// <summary>
/// Base of every error the Bolt client raises. <see cref="Code"/> is the server's status code
/// (<c>code</c> up to Bolt 5.6, <c>neo4j_code</c> from 5.7) or null for client-side failures.
/// </summary>
public class Neo4jException(string message, Exception? inner = null, string? code = null, string? gqlStatus = null)
    : Exception(message, inner)
{
    /// <summary>Server status code such as <c>Neo.ClientError.Statement.SyntaxError</c>; null when raised locally.</summary>
    public string? Code { get; } = code;

    /// <summary>GQL status (Bolt 5.7+ <c>gql_status</c>, e.g. <c>42001</c>); null when the server sent none.</summary>
    public string? GqlStatus { get; } = gqlStatus;

    /// <summary>Whether retrying the same work later may succeed (transient errors, lost connections).</summary>
    public virtual bool CanBeRetried => false;
}

/// <summary>The request was wrong (syntax, constraint, missing parameter): retrying will not help.</summary>
public sealed class ClientException(string message, string? code = null, string? gqlStatus = null)
    : Neo4jException(message, null, code, gqlStatus);

/// <summary>A temporary server condition (deadlock, leader switch, memory pressure): retry later.</summary>
public sealed class TransientException(string message, string? code = null, string? gqlStatus = null)
    : Neo4jException(message, null, code, gqlStatus)
{
    /// <inheritdoc />
    public override bool CanBeRetried => true;
}

/// <summary>The database itself failed while processing a valid request.</summary>
public sealed class DatabaseException(string message, string? code = null, string? gqlStatus = null)
    : Neo4jException(message, null, code, gqlStatus);

/// <summary>The server refused the credentials (wrong user or password, or auth rate limit).</summary>
public sealed class AuthenticationException(string message, string? code = null, string? gqlStatus = null)
    : Neo4jException(message, null, code, gqlStatus);

/// <summary>No usable connection: the server is unreachable, closed the socket, or timed out.</summary>
public sealed class ServiceUnavailableException(string message, Exception? inner = null)
    : Neo4jException(message, inner)
{
    /// <inheritdoc />
    public override bool CanBeRetried => true;
}
