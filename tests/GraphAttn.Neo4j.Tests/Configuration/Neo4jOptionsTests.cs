using GraphAttn.Neo4j.Configuration;
using GraphAttn.Tests.Shared.Bolt;
using Microsoft.Extensions.Configuration;

namespace GraphAttn.Neo4j.Tests.Configuration;

public sealed class Neo4jOptionsTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void FromConfiguration_SectionValues_Bound()
    {
        var options = Neo4jOptions.FromConfiguration(Config(new()
        {
            ["Neo4j:Uri"] = "bolt+s://graph.internal:7687",
            ["Neo4j:User"] = "reader",
            ["Neo4j:Password"] = "pw",
            ["Neo4j:Database"] = "social",
        }));
        Assert.Equal(("bolt+s://graph.internal:7687", "reader", "pw", "social"), (options.Uri, options.User, options.Password, options.Database));
    }

    [Fact]
    public void FromConfiguration_EnvironmentVariables_SectionAndConventionalNames()
    {
        Environment.SetEnvironmentVariable("GA_TEST_Neo4j__Uri", "bolt://env-host:7700");
        Environment.SetEnvironmentVariable("GA_TEST_NEO4J_PASSWORD", "from-env");
        try
        {
            var config = new ConfigurationBuilder().AddEnvironmentVariables("GA_TEST_").Build();
            var options = Neo4jOptions.FromConfiguration(config);
            Assert.Equal("bolt://env-host:7700", options.Uri);
            Assert.Equal("from-env", options.ResolvePassword());
        }
        finally
        {
            Environment.SetEnvironmentVariable("GA_TEST_Neo4j__Uri", null);
            Environment.SetEnvironmentVariable("GA_TEST_NEO4J_PASSWORD", null);
        }
    }

    [Fact]
    public void ResolvePassword_PasswordFile_TrailingNewlineDropped()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "file-secret\n");
        try
        {
            var options = new Neo4jOptions { PasswordFile = file };
            Assert.Equal("file-secret", options.ResolvePassword());
            Assert.DoesNotContain("file-secret", options.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ResolvePassword_MissingFile_ErrorNamesFile()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Neo4jOptions { PasswordFile = "/no/such/secret" }.ResolvePassword());
        Assert.Contains("/no/such/secret", ex.Message);
    }

    [Fact]
    public void ToString_WithPassword_Redacted()
    {
        var text = new Neo4jOptions { Password = "hunter2-secret" }.ToString();
        Assert.DoesNotContain("hunter2-secret", text);
        Assert.Contains("(redacted)", text);
    }

    [Fact]
    public async Task VerifyAsync_CredentialsRefused_StartupErrorNamesUserNotPassword()
    {
        await using var server = new ScriptedBoltServer("""
            !: BOLT 5.4
            C: HELLO *
            S: SUCCESS {"server":"Neo4j/5.26.0"}
            C: LOGON *
            S: FAILURE {"neo4j_code":"Neo.ClientError.Security.Unauthorized","message":"bad credentials","gql_status":"42NFF"}
            """);
        var options = new Neo4jOptions { Uri = server.Uri.ToString(), User = "neo4j", Password = StubScripts.Password };
        await using var driver = Neo4jConnector.CreateDriver(options, StubScripts.Config());
        var ex = await Assert.ThrowsAsync<Neo4jStartupException>(() => Neo4jConnector.VerifyAsync(driver, options).Within());
        Assert.Contains("refused the credentials of user 'neo4j'", ex.Message);
        Assert.DoesNotContain(StubScripts.Password, ex.ToString());
    }

    [Fact]
    public async Task VerifyAsync_Unreachable_StartupErrorSaysUnreachable()
    {
        var options = new Neo4jOptions { Uri = "bolt://127.0.0.1:1", Password = StubScripts.Password };
        await using var driver = Neo4jConnector.CreateDriver(options, StubScripts.Config());
        var ex = await Assert.ThrowsAsync<Neo4jStartupException>(() => Neo4jConnector.VerifyAsync(driver, options).Within());
        Assert.Contains("unreachable", ex.Message);
        Assert.DoesNotContain(StubScripts.Password, ex.ToString());
    }
}
