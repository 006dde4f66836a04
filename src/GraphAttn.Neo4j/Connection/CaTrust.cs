using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace GraphAttn.Neo4j.Connection;

/// <summary>
/// Certificate checks for <c>bolt+s</c> / <c>neo4j+s</c> against a private CA read from a PEM file: the server's
/// certificate must chain to one of the file's certificates (and only them) and name the host. The system's CA store
/// plays no part, so a certificate from a public CA for the same name is refused.
/// </summary>
public static class CaTrust
{
    /// <summary>A validation callback trusting the CA certificate(s) in <paramref name="caFile"/>.</summary>
    /// <exception cref="InvalidOperationException">The file is missing or holds no certificate.</exception>
    public static RemoteCertificateValidationCallback FromPemFile(string caFile)
    {
        if (!File.Exists(caFile)) throw new InvalidOperationException($"Neo4j CA file '{caFile}' does not exist.");
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(caFile);
        if (authorities.Count == 0) throw new InvalidOperationException($"Neo4j CA file '{caFile}' holds no PEM certificate.");
        return (_, certificate, _, errors) =>
            certificate is X509Certificate2 presented
            && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
            && ChainsTo(presented, authorities);
    }

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
