using System.Net.Security;
using System.Net.Sockets;
using GraphAttn.Neo4j.Driver;
using GraphAttn.Neo4j.Errors;
using GraphAttn.Neo4j.Protocol;

namespace GraphAttn.Neo4j.Connection;

internal sealed partial class BoltConnection
{
    /// <summary>
    /// Connects (TCP, optional TLS), negotiates the version and authenticates: HELLO (with the credentials on
    /// 5.0) then LOGON on 5.1+. Unreachable hosts raise <see cref="ServiceUnavailableException"/>, refused
    /// credentials <see cref="AuthenticationException"/>; neither message contains the password.
    /// </summary>
    public static async Task<BoltConnection> OpenAsync(BoltUri uri, AuthToken auth, DriverConfig config, CancellationToken ct)
    {
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connectTimeout.CancelAfter(config.ConnectionTimeout);
        var tcp = new TcpClient { NoDelay = true };
        BoltConnection? connection = null;
        try
        {
            await tcp.ConnectAsync(uri.Host, uri.Port, connectTimeout.Token).ConfigureAwait(false);
            Stream stream = tcp.GetStream();
            if (uri.Encrypted)
            {
                stream = await StartTlsAsync(stream, uri, config, connectTimeout.Token).ConfigureAwait(false);
            }

            connection = new BoltConnection(stream, config, tcp);
            connection.Version = await Handshake.NegotiateAsync(stream, connection._reader, connectTimeout.Token).ConfigureAwait(false);
            await connection.AuthenticateAsync(auth, connectTimeout.Token).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is not Neo4jException)
        {
            await DisposeQuietlyAsync(connection, tcp).ConfigureAwait(false);
            var why = e is OperationCanceledException && !ct.IsCancellationRequested
                ? $"no answer within {config.ConnectionTimeout}"
                : e.Message;
            if (e is OperationCanceledException && ct.IsCancellationRequested)
            {
                throw;
            }

            throw new ServiceUnavailableException($"Cannot connect to Neo4j at {uri}: {why}", e);
        }
        catch
        {
            await DisposeQuietlyAsync(connection, tcp).ConfigureAwait(false);
            throw;
        }
    }

    private async Task AuthenticateAsync(AuthToken auth, CancellationToken ct)
    {
        var hello = new Dictionary<string, object?> { ["user_agent"] = _config.UserAgent };
        if (Version.SendsBoltAgent)
        {
            hello["bolt_agent"] = new Dictionary<string, object?>
            {
                ["product"] = _config.UserAgent,
                ["platform"] = Platform,
                ["language"] = Language,
            };
        }

        if (!Version.UsesLogon)
        {
            auth.AddTo(hello);
        }

        Enqueue(w => RequestMessages.Hello(w, hello));
        if (Version.UsesLogon)
        {
            var logon = new Dictionary<string, object?>();
            auth.AddTo(logon);
            Enqueue(w => RequestMessages.Logon(w, logon));
        }

        await FlushAsync(ct).ConfigureAwait(false);
        var helloReply = await ExpectAuthStepAsync(ct).ConfigureAwait(false);
        if (Version.UsesLogon)
        {
            await ExpectAuthStepAsync(ct).ConfigureAwait(false);
        }

        ServerAgent = helloReply.GetValueOrDefault("server") as string;
    }

    // A refused HELLO or LOGON ends the connection: the server closes it, so there is nothing to RESET.
    private async Task<Dictionary<string, object?>> ExpectAuthStepAsync(CancellationToken ct)
    {
        var reply = await ReceiveAsync(ct).ConfigureAwait(false);
        if (reply.IsSuccess)
        {
            return reply.Metadata!;
        }

        IsBroken = true;
        throw reply.IsFailure
            ? FailureClassifier.FromFailure(reply.Metadata!)
            : new BoltProtocolException($"Unexpected {reply} during authentication.");
    }

    private static async Task<Stream> StartTlsAsync(Stream inner, BoltUri uri, DriverConfig config, CancellationToken ct)
    {
        RemoteCertificateValidationCallback? validate = uri.TrustAnyCertificate
            ? (_, _, _, _) => true
            : config.CertificateValidation;
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false, validate);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = uri.Host }, ct)
            .ConfigureAwait(false);
        return ssl;
    }

    private static async Task DisposeQuietlyAsync(BoltConnection? connection, TcpClient tcp)
    {
        if (connection is not null)
        {
            connection.IsBroken = true;
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        tcp.Dispose();
    }
}
