using GraphAttn.Cli.Tests.Support;
using GraphAttn.Server.Security;

namespace GraphAttn.Cli.Tests.Commands;

public sealed class ClientTlsTests
{
    [Fact]
    public async Task Info_OverMutualTlsWithAnApiKey_Answers_WithoutTheKeyUnauthenticated_KeyNeverPrinted()
    {
        using var pki = TestCertificates.Create();
        const string key = "cli-test-api-key-4711";
        var url = $"https://127.0.0.1:{TestServerHost.FreePort()}";
        var settings = pki.ServerSettings(url);
        settings["GraphAttn:Tls:ClientCaFile"] = pki.CaFile;
        settings["GraphAttn:Auth:ApiKeys:0:Name"] = "cli";
        settings["GraphAttn:Auth:ApiKeys:0:Sha256"] = ApiKeyRing.Digest(key);
        settings["GraphAttn:Auth:ApiKeys:0:Scopes:0"] = Scopes.Admin;
        await using var host = await TestServerHost.StartAsync(null, settings: settings, kestrel: true);
        string[] tls = ["--address", url, "--ca-file", pki.CaFile, "--client-cert", pki.ClientCertFile, "--client-key", pki.ClientKeyFile];

        var (exit, output, error) = await CliRunner.RunAsync(["info", .. tls, "--api-key", key]);
        Assert.True(exit == 0, error);
        Assert.Contains("2000 users", output);

        (exit, output, error) = await CliRunner.RunAsync(["info", .. tls]);
        Assert.Equal(1, exit);
        Assert.Contains("Unauthenticated", error);

        (exit, _, error) = await CliRunner.RunAsync(["info", "--address", url, "--api-key", key]);
        Assert.Equal(1, exit); // the server's certificate is from a CA the system does not trust
        Assert.DoesNotContain(key, output + error);
    }
}
