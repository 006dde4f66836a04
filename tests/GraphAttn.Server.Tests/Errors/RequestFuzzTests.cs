using GraphAttn.Server.Security;
using GraphAttn.Server.Tests.Infrastructure;

namespace GraphAttn.Server.Tests.Errors;

/// <summary>
/// Seeded random and mutated request bodies to every unary RPC through the real pipeline (authentication satisfied):
/// a server must answer each with a status the caller can act on, never UNKNOWN or INTERNAL, and must not fill its
/// log doing so. The benchmark project runs the same generator for millions of requests.
/// </summary>
public class RequestFuzzTests
{
    private const int PerMethod = 500;
    // OK, INVALID_ARGUMENT, NOT_FOUND, RESOURCE_EXHAUSTED, FAILED_PRECONDITION, UNAVAILABLE.
    private static readonly int[] Acceptable = [0, 3, 5, 8, 9, 14];

    [Fact]
    public async Task Fuzz_RandomAndMutatedBodies_EveryUnaryRpc_NeverUnknownOrInternal_LogStaysSmall()
    {
        using var credentials = new TestCredentials();
        var settings = credentials.Settings();
        settings["GraphAttn:Auth:ApiKeys:3:Name"] = "fuzzer";
        settings["GraphAttn:Auth:ApiKeys:3:Sha256"] = ApiKeyRing.Digest("fuzz-key-with-every-scope");
        for (var i = 0; i < Scopes.All.Length; i++) settings[$"GraphAttn:Auth:ApiKeys:3:Scopes:{i}"] = Scopes.All[i];
        settings["GraphAttn:RateLimit:PermitsPerSecond"] = "0";
        var logs = new CapturingLoggerProvider();
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: settings, logs: logs);
        using var raw = RawGrpc.For(host, new Dictionary<string, string> { ["x-api-key"] = "fuzz-key-with-every-scope" });
        var logBytesBefore = logs.Lines.Sum(l => l.Length);

        var random = new Random(2026);
        var bodies = new FuzzBodies(["ann", "bo", "cy", "dee", "eli"], ["m1", "m2", "m3", "s1", "s2"], ["music", "sport"]);
        var seen = new Dictionary<(string, int), int>();
        var requests = 0;
        foreach (var (path, valid) in bodies.Methods)
        {
            for (var i = 0; i < PerMethod; i++)
            {
                var body = FuzzBodies.Next(random, valid(random));
                var (status, message) = await raw.CallAsync(path, body);
                requests++;
                seen[(path, status)] = seen.GetValueOrDefault((path, status)) + 1;
                Assert.True(Acceptable.Contains(status), $"{path} answered {status} ({message}) to {Convert.ToHexString(body)}");
            }
        }

        // Every method saw both outcomes: the generator reaches the handlers, and rejects malformed bodies.
        foreach (var (path, _) in bodies.Methods)
        {
            Assert.True(seen.Keys.Any(k => k.Item1 == path && k.Item2 == 3), $"{path}: no INVALID_ARGUMENT");
            Assert.True(seen.Keys.Any(k => k.Item1 == path && k.Item2 is 0 or 5), $"{path}: no call reached the handler");
        }
        var logged = logs.Lines.Sum(l => l.Length) - logBytesBefore;
        Assert.True(logged < 200L * requests, $"{logged} bytes logged for {requests} requests");
        Assert.DoesNotContain(logs.Lines, l => l.Contains("   at ", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal));
    }
}
