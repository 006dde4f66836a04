namespace GraphAttn.Neo4j.Errors;

/// <summary>Turns a FAILURE message's metadata into the matching typed exception.</summary>
internal static class FailureClassifier
{
    // The official drivers treat these two "transient" codes as final: the user or an admin stopped the work.
    private static readonly HashSet<string> TerminatedCodes =
    [
        "Neo.TransientError.Transaction.Terminated",
        "Neo.TransientError.Transaction.LockClientStopped",
    ];

    public static Neo4jException FromFailure(IReadOnlyDictionary<string, object?> metadata)
    {
        // Bolt 5.7+ renamed `code` to `neo4j_code`; read both so every 5.x server is understood.
        var code = metadata.GetValueOrDefault("neo4j_code") as string
                   ?? metadata.GetValueOrDefault("code") as string
                   ?? "Neo.DatabaseError.General.UnknownError";
        var message = metadata.GetValueOrDefault("message") as string
                      ?? metadata.GetValueOrDefault("description") as string
                      ?? "(no message)";
        var gql = metadata.GetValueOrDefault("gql_status") as string;
        return Classify(code, message, gql);
    }

    public static Neo4jException Classify(string code, string message, string? gqlStatus)
    {
        var text = $"{code}: {message}";
        if (code.StartsWith("Neo.ClientError.Security.Unauthorized", StringComparison.Ordinal)
            || code.StartsWith("Neo.ClientError.Security.AuthenticationRateLimit", StringComparison.Ordinal))
        {
            return new AuthenticationException(text, code, gqlStatus);
        }

        if (code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) && !TerminatedCodes.Contains(code))
        {
            return new TransientException(text, code, gqlStatus);
        }

        if (code.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal))
        {
            return new DatabaseException(text, code, gqlStatus);
        }

        return new ClientException(text, code, gqlStatus);
    }
}
