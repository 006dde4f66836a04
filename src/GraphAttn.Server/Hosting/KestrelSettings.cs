using System.Security.Cryptography.X509Certificates;
using GraphAttn.Server.Options;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace GraphAttn.Server.Hosting;

/// <summary>
/// Kestrel settings from GraphAttn options: HTTP/2 keep-alive pings and stream limits, and client certificates
/// (mutual TLS) checked against GraphAttn:Tls:ClientCaFile. Endpoints and server certificates stay in Kestrel's own
/// configuration section (<c>Kestrel:Endpoints:Grpc:Url</c>, <c>Certificate:Path</c>, <c>Certificate:KeyPath</c>).
/// </summary>
public static class KestrelSettings
{
    /// <summary>Applies <paramref name="options"/> to <paramref name="kestrel"/>.</summary>
    public static void Apply(KestrelServerOptions kestrel, GraphAttnOptions options)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Limits;
        kestrel.Limits.Http2.KeepAlivePingDelay = limits.KeepAlivePingSeconds > 0 ? TimeSpan.FromSeconds(limits.KeepAlivePingSeconds) : TimeSpan.MaxValue;
        kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(Math.Max(1, limits.KeepAlivePingTimeoutSeconds));
        kestrel.Limits.Http2.MaxStreamsPerConnection = Math.Max(1, limits.MaxStreamsPerConnection);
        if (options.Tls.ClientCaFile.Length == 0 || !File.Exists(options.Tls.ClientCaFile)) return;

        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(options.Tls.ClientCaFile);
        kestrel.ConfigureHttpsDefaults(https =>
        {
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.ClientCertificateValidation = (certificate, _, _) => ChainsTo(certificate, authorities);
        });
    }

    /// <summary>Whether <paramref name="certificate"/> chains to one of <paramref name="authorities"/> (and only them).</summary>
    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(authorities);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
