using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GraphAttn.Tests.Shared;

/// <summary>
/// A throw-away PKI made in process: a CA, a server certificate for 127.0.0.1 / localhost and a client certificate,
/// both signed by the CA, written as PEM files (certificate and PKCS#8 key) the way a deployment mounts them.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly TempFolder _folder = new();

    private TestCertificates()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=GraphAttn Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        Ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        CaFile = WritePem("ca.pem", Ca.ExportCertificatePem());

        (Server, ServerCertFile, ServerKeyFile) = Issue("server", "CN=127.0.0.1", "1.3.6.1.5.5.7.3.1", san: true);
        (Client, ClientCertFile, ClientKeyFile) = Issue("client", "CN=graphattn-test-client", "1.3.6.1.5.5.7.3.2", san: false);
    }

    public X509Certificate2 Ca { get; }
    public X509Certificate2 Server { get; }
    public X509Certificate2 Client { get; }
    public string CaFile { get; }
    public string ServerCertFile { get; }
    public string ServerKeyFile { get; }
    public string ClientCertFile { get; }
    public string ClientKeyFile { get; }

    public static TestCertificates Create() => new();

    /// <summary>Kestrel settings for an HTTPS gRPC endpoint at <paramref name="url"/> with the server certificate.</summary>
    public Dictionary<string, string?> ServerSettings(string url) => new()
    {
        ["Kestrel:Endpoints:Grpc:Url"] = url,
        ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
        ["Kestrel:Endpoints:Grpc:Certificate:Path"] = ServerCertFile,
        ["Kestrel:Endpoints:Grpc:Certificate:KeyPath"] = ServerKeyFile,
    };

    /// <summary>A handler that trusts only the test CA and, when asked, presents the client certificate.</summary>
    public SocketsHttpHandler Handler(bool clientCertificate = false)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            certificate is X509Certificate2 presented && ChainsToCa(presented)
            && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None;
        if (clientCertificate) handler.SslOptions.ClientCertificates = [Client];
        return handler;
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        Client.Dispose();
        _folder.Dispose();
    }

    private bool ChainsToCa(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private (X509Certificate2 Certificate, string CertFile, string KeyFile) Issue(string name, string subject, string usage, bool san)
    {
        var now = DateTimeOffset.UtcNow;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca, true, false));
        if (san)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }
        using var issued = request.Create(Ca, now.AddDays(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(8));
        var certificate = issued.CopyWithPrivateKey(key);
        var certFile = WritePem($"{name}.pem", certificate.ExportCertificatePem());
        var keyFile = WritePem($"{name}-key.pem", key.ExportPkcs8PrivateKeyPem());
        // Reloaded through PKCS#12 so the private key is usable by SslStream on every platform.
        var usable = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        certificate.Dispose();
        return (usable, certFile, keyFile);
    }

    private string WritePem(string name, string pem)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, pem);
        return path;
    }
}
