using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GraphAttn.Neo4j.Configuration;
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

    [Fact]
    public async Task Connect_BoltSWithCaFile_TrustsThatCaAndNoOther()
    {
        using var pki = TestCertificates.Create();
        using var other = TestCertificates.Create();
        await using (var server = new ScriptedBoltServer(pki.Server, StubScripts.Login))
        {
            await using var driver = Neo4jConnector.CreateDriver(Options(server.Port, pki.CaFile), StubScripts.Config());
            await driver.VerifyConnectivityAsync().Within();
            await server.Completion.Within();
        }

        await using var stranger = new ScriptedBoltServer(pki.Server, StubScripts.Login);
        await using var untrusting = Neo4jConnector.CreateDriver(Options(stranger.Port, other.CaFile), StubScripts.Config());
        await Assert.ThrowsAsync<ServiceUnavailableException>(() => untrusting.VerifyConnectivityAsync().Within());
    }

    private static Neo4jOptions Options(int port, string caFile) =>
        new() { Uri = $"bolt+s://127.0.0.1:{port}", User = "neo4j", Password = StubScripts.Password, CaFile = caFile };
}
