using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GraphAttn.Contracts.V1;
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
        var seen = new Dictionary<(string, int), int>();
        var requests = 0;
        foreach (var (path, valid) in FuzzBodies.Methods)
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
        foreach (var (path, _) in FuzzBodies.Methods)
        {
            Assert.True(seen.Keys.Any(k => k.Item1 == path && k.Item2 == 3), $"{path}: no INVALID_ARGUMENT");
            Assert.True(seen.Keys.Any(k => k.Item1 == path && k.Item2 is 0 or 5), $"{path}: no call reached the handler");
        }
        var logged = logs.Lines.Sum(l => l.Length) - logBytesBefore;
        Assert.True(logged < 200L * requests, $"{logged} bytes logged for {requests} requests");
        Assert.DoesNotContain(logs.Lines, l => l.Contains("   at ", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal));
    }
}

/// <summary>The fuzz generator: valid requests of each unary RPC, and ways to break them.</summary>
internal static class FuzzBodies
{
    private static readonly string[] Ids = ["ann", "bo", "cy", "dee", "eli", "m1", "m3", "s1", "music", "", "zz", new string('x', 129), "ann\0", "é"];

    /// <summary>Each unary RPC's path and a generator of valid (or nearly valid) request messages.</summary>
    public static readonly (string Path, Func<Random, IMessage> Valid)[] Methods =
    [
        ("/graphattn.v1.RecommendationService/RecommendContent", r => new RecommendContentRequest
            { UserId = Id(r), Limit = Int(r), IncludeSeen = r.Next(2) == 0, TopicId = r.Next(3) == 0 ? Id(r) : "", Explain = r.Next(2) == 0 }),
        ("/graphattn.v1.RecommendationService/RecommendFriends", r => new RecommendFriendsRequest { UserId = Id(r), Limit = Int(r), Explain = r.Next(2) == 0 }),
        ("/graphattn.v1.ProfileService/GetUserProfile", r => new GetUserProfileRequest { UserId = Id(r) }),
        ("/graphattn.v1.EventService/RecordInteraction", r => new RecordInteractionRequest
        {
            UserId = Id(r),
            ContentId = Id(r),
            Kind = (InteractionKind)r.Next(-2, 8),
            Timestamp = r.Next(4) switch
            {
                0 => null,
                1 => Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-r.Next(100_000))),
                2 => new Timestamp { Seconds = r.NextInt64(long.MinValue, long.MaxValue), Nanos = r.Next(int.MinValue, int.MaxValue) },
                _ => new Timestamp { Seconds = r.NextInt64(-70_000_000_000, 260_000_000_000), Nanos = r.Next(-5, 1_000_000_005) },
            },
        }),
        ("/graphattn.v1.EventService/RecordFollow", r => new RecordFollowRequest { FollowerId = Id(r), FolloweeId = Id(r) }),
        ("/graphattn.v1.EventService/RecordUnfollow", r => new RecordFollowRequest { FollowerId = Id(r), FolloweeId = Id(r) }),
        ("/graphattn.v1.AdminService/GetServiceInfo", _ => new GetServiceInfoRequest()),
        ("/graphattn.v1.AdminService/ReloadSnapshot", _ => new ReloadSnapshotRequest()),
    ];

    /// <summary>One body built from <paramref name="valid"/>: intact, mutated, truncated, mis-framed, or plain noise.</summary>
    public static byte[] Next(Random random, IMessage valid)
    {
        var message = valid.ToByteArray();
        return random.Next(10) switch
        {
            0 => RawGrpc.Frame(message),
            1 => Bytes(random, random.Next(0, 40)),
            2 => RawGrpc.Frame(Bytes(random, random.Next(0, 64))),
            3 => RawGrpc.Frame(Flip(random, message)),
            4 => RawGrpc.Frame(message.Length == 0 ? message : message[..random.Next(message.Length)]),
            5 => RawGrpc.Frame([.. message, .. Bytes(random, random.Next(1, 16))]),
            6 => RawGrpc.Frame(message, declaredLength: Math.Max(0, message.Length + random.Next(-3, 4))),
            7 => RawGrpc.Frame(message, flag: (byte)random.Next(1, 256)),
            8 => [.. RawGrpc.Frame(message), .. RawGrpc.Frame(message)],
            _ => RawGrpc.Frame(Tags(random)),
        };
    }

    private static string Id(Random random) => random.Next(4) == 0 ? Convert.ToHexString(Bytes(random, random.Next(1, 6))) : Ids[random.Next(Ids.Length)];

    private static int Int(Random random) => random.Next(3) == 0 ? random.Next(int.MinValue, int.MaxValue) : random.Next(-2, 120);

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Flip(Random random, byte[] message)
    {
        var copy = (byte[])message.Clone();
        for (var i = 0; i < 1 + random.Next(3) && copy.Length > 0; i++) copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    // Well-formed-looking protobuf: random field numbers and wire types with plausible payloads, often lying about lengths.
    private static byte[] Tags(Random random)
    {
        var output = new MemoryStream();
        var writer = new CodedOutputStream(output);
        for (var i = 0; i < random.Next(1, 6); i++)
        {
            var field = random.Next(3) == 0 ? random.Next(1, 536_870_911) : random.Next(1, 8);
            switch (random.Next(4))
            {
                case 0: writer.WriteTag(field, WireFormat.WireType.Varint); writer.WriteInt64(random.NextInt64()); break;
                case 1:
                    writer.WriteTag(field, WireFormat.WireType.LengthDelimited);
                    writer.WriteLength(random.Next(0, 50));
                    writer.Flush();
                    output.Write(Bytes(random, random.Next(0, 20)));
                    break;
                case 2: writer.WriteTag(field, WireFormat.WireType.Fixed32); writer.WriteFixed32((uint)random.Next()); break;
                default: writer.WriteTag(field, (WireFormat.WireType)random.Next(3, 8)); break;
            }
        }
        writer.Flush();
        return output.ToArray();
    }
}
