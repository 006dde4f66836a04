using GraphAttn.Server.Tests.Infrastructure;
using Grpc.Health.V1;

namespace GraphAttn.Server.Tests.Functional;

public class Neo4jSourceTests
{
    [Fact]
    public async Task Neo4jSource_Unreachable_ClearLogWithoutPasswordAndNotServing()
    {
        const string password = "pw-must-never-appear-7f3a";
        var logs = new CapturingLoggerProvider();
        await using var host = await TestServerHost.StartAsync(null, waitLoaded: false, settings: new()
        {
            ["GraphAttn:Graph:Source"] = "neo4j",
            ["GraphAttn:Graph:RetrySeconds"] = "0.2",
            ["Neo4j:Uri"] = "bolt://127.0.0.1:1",
            ["Neo4j:User"] = "reader",
            ["Neo4j:Password"] = password,
        }, logs: logs);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (logs.Lines.Count(l => l.Contains("GraphLoadFailed")) < 2 && DateTime.UtcNow < deadline) await Task.Delay(50);
        var failures = logs.Lines.Where(l => l.Contains("GraphLoadFailed")).ToList();
        Assert.True(failures.Count >= 2, "expected the first load to be retried");
        Assert.Contains("unreachable", failures[0]);
        Assert.Contains("bolt://127.0.0.1:1", failures[0]);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(password));

        var health = new Grpc.Health.V1.Health.HealthClient(host.Channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new()).Within()).Status);
    }
}
