using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GraphAttn.Neo4j.Driver;
using GraphAttn.Neo4j.Errors;
using GraphAttn.Tests.Shared.Bolt;

namespace GraphAttn.Neo4j.Tests.Scripted;

public sealed class TlsTests
{
    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    [Fact]
    public async Task Connect_BoltSscSelfSignedCertificate_Accepted()
    {
        using var cert = SelfSigned();
        await using var server = new ScriptedBoltServer(cert, StubScripts.Login);
        await using var driver = Neo4jDriver.Create(new Uri($"bolt+ssc://127.0.0.1:{server.Port}"), StubScripts.Auth, StubScripts.Config());
        await driver.VerifyConnectivityAsync().Within();
        await server.Completion.Within();
    }

    [Fact]
    public async Task Connect_BoltSUntrustedCertificate_ServiceUnavailable()
    {
        using var cert = SelfSigned();
        await using var server = new ScriptedBoltServer(cert, StubScripts.Login);
        await using var driver = Neo4jDriver.Create(new Uri($"bolt+s://127.0.0.1:{server.Port}"), StubScripts.Auth, StubScripts.Config());
        var ex = await Assert.ThrowsAsync<ServiceUnavailableException>(() => driver.VerifyConnectivityAsync().Within());
        Assert.Contains("127.0.0.1", ex.Message);
    }
}
