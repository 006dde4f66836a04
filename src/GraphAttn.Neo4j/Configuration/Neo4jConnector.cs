using GraphAttn.Neo4j.Connection;
using GraphAttn.Neo4j.Driver;
using GraphAttn.Neo4j.Errors;

namespace GraphAttn.Neo4j.Configuration;

/// <summary>Creates drivers from <see cref="Neo4jOptions"/> and checks them at startup with messages an operator can act on.</summary>
public static class Neo4jConnector
{
    /// <summary>
    /// A driver for the options (no connection is opened yet). With <see cref="Neo4jOptions.CaFile"/>, TLS
    /// certificates are checked against that CA unless <paramref name="config"/> brings its own check.
    /// </summary>
    public static Neo4jDriver CreateDriver(Neo4jOptions options, DriverConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.CaFile is { Length: > 0 } caFile && config?.CertificateValidation is null)
            config = (config ?? new DriverConfig()) with { CertificateValidation = CaTrust.FromPemFile(caFile) };
        return Neo4jDriver.Create(options.ParsedUri, AuthToken.Basic(options.User, options.ResolvePassword()), config);
    }

    /// <summary>
    /// Connects and authenticates once. Throws <see cref="Neo4jStartupException"/> saying whether the server was
    /// unreachable or refused the credentials; the message names URI and user, never the password.
    /// </summary>
    public static async Task VerifyAsync(Neo4jDriver driver, Neo4jOptions options, CancellationToken ct = default)
    {
        try
        {
            await driver.VerifyConnectivityAsync(ct).ConfigureAwait(false);
        }
        catch (AuthenticationException e)
        {
            throw new Neo4jStartupException(
                $"Neo4j at {options.Uri} refused the credentials of user '{options.User}' ({e.Code}). Check Neo4j:User and the password.", e);
        }
        catch (Neo4jException e) when (e is ServiceUnavailableException or BoltProtocolException)
        {
            throw new Neo4jStartupException($"Neo4j at {options.Uri} is unreachable: {e.Message}", e);
        }
    }
}

/// <summary>Neo4j could not be used at startup; the message says why and what to check.</summary>
public sealed class Neo4jStartupException(string message, Exception inner) : Exception(message, inner);
