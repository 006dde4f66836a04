using GraphAttn.Neo4j.Driver;

namespace GraphAttn.Tests.Shared.Bolt;

/// <summary>Script fragments and driver settings shared by the scripted-server tests.</summary>
internal static class StubScripts
{
    public const string Password = "s3cr3t-pw";

    /// <summary>Handshake on 5.4 plus HELLO (with bolt_agent) and LOGON, both accepted.</summary>
    public const string Login = """
        !: BOLT 5.4
        C: HELLO {"bolt_agent":{"language":*,"platform":*,"product":"GraphAttn/1.0"},"user_agent":"GraphAttn/1.0"}
        S: SUCCESS {"server":"Neo4j/5.26.0","connection_id":"bolt-1"}
        C: LOGON {"credentials":"s3cr3t-pw","principal":"neo4j","scheme":"basic"}
        S: SUCCESS {}

        """;

    public static AuthToken Auth => AuthToken.Basic("neo4j", Password);

    /// <summary>Test settings: short timeouts and a fake clock that retry delays advance, so the 30 s retry
    /// budget runs out after a handful of instant retries when a script goes wrong.</summary>
    public static DriverConfig Config(List<TimeSpan>? delays = null, FakeTime? time = null) => Build(delays, time ?? new FakeTime());

    private static DriverConfig Build(List<TimeSpan>? delays, FakeTime time) => new()
    {
        ConnectionTimeout = TimeSpan.FromSeconds(5),
        ReadTimeout = TimeSpan.FromSeconds(10),
        ConnectionAcquisitionTimeout = TimeSpan.FromSeconds(2),
        Time = time,
        Retry = new RetryPolicy
        {
            Random = new Random(1),
            Delay = (d, _) =>
            {
                delays?.Add(d);
                time.Advance(d);
                return Task.CompletedTask;
            },
        },
    };

    public static Neo4jDriver Driver(ScriptedBoltServer server, DriverConfig? config = null) =>
        Neo4jDriver.Create(server.Uri, Auth, config ?? Config());
}

/// <summary>A clock that only moves when told to.</summary>
internal sealed class FakeTime : TimeProvider
{
    private long _ticks = 1_000_000;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
