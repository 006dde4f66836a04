using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace GraphAttn.Cli.Client;

/// <summary>
/// Creates gRPC channels: plain http:// addresses use HTTP/2 without TLS (h2c), as the server does by default;
/// https:// ones TLS, trusting the system's CAs or the given CA file, with an optional client certificate. Credentials
/// go into every request's headers.
/// </summary>
internal static class Channels
{
    public static GrpcChannel For(string address) => For(new ChannelSettings(address));

    public static GrpcChannel For(ChannelSettings settings)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (settings.CaFile is { } caFile)
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (certificate is X509Certificate2 presented && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
                    && ChainsTo(presented, authorities));
        }
        if (settings.ClientCert is { } cert)
        {
            using var pem = X509Certificate2.CreateFromPemFile(cert, settings.ClientKey);
            // Through PKCS#12: SslStream needs a key it can use, not an ephemeral one, on some platforms.
            handler.SslOptions.ClientCertificates = [X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pfx), null)];
        }
        HttpMessageHandler outer = settings.Token is null && settings.ApiKey is null ? handler : new CredentialHeaders(settings, handler);
        return GrpcChannel.ForAddress(settings.Address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 16 * 1024 * 1024,
            HttpHandler = outer,
        });
    }

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    // Adds the credentials to every HTTP request of the channel (every call), over TLS or h2c alike.
    private sealed class CredentialHeaders(ChannelSettings settings, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (settings.Token is { } token) request.Headers.TryAddWithoutValidation("authorization", $"Bearer {token}");
            if (settings.ApiKey is { } key) request.Headers.TryAddWithoutValidation("x-api-key", key);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
