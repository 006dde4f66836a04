using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GraphAttn.Contracts.V1;

namespace GraphAttn.Tests.Shared;

/// <summary>
/// The request fuzz generator: valid requests of each unary GraphAttn RPC over the given ids, and ways to break them
/// (noise, bit flips, truncation, extra bytes, wrong frame lengths and flags, two frames, random protobuf tags).
/// Shared by the server tests (thousands of requests) and the server benchmark (millions).
/// </summary>
internal sealed class FuzzBodies
{
    private readonly string[] _ids;

    /// <summary>A generator drawing ids from the graph's <paramref name="users"/>, <paramref name="contents"/> and <paramref name="topics"/> and from invalid ones.</summary>
    public FuzzBodies(IEnumerable<string> users, IEnumerable<string> contents, IEnumerable<string> topics)
    {
        _ids = [.. users, .. contents, .. topics, "", "zz", new string('x', 129), "ann\0", "é"];
        Methods = MethodsOver();
    }

    /// <summary>Each unary RPC's path and a generator of valid (or nearly valid) request messages.</summary>
    public (string Path, Func<Random, IMessage> Valid)[] Methods { get; }

    private (string Path, Func<Random, IMessage> Valid)[] MethodsOver() =>
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

    private string Id(Random random) => random.Next(4) == 0 ? Convert.ToHexString(Bytes(random, random.Next(1, 6))) : _ids[random.Next(_ids.Length)];

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
