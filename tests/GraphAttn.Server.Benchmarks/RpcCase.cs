using System.Buffers.Binary;
using Google.Protobuf;
using GraphAttn.Contracts.V1;
using Grpc.Health.V1;

namespace GraphAttn.Server.Benchmarks;

/// <summary>
/// One measured call shape: a gRPC method, the request it sends for a user, and how to read who answered from the
/// response (the provenance method, "health" for the empty call).
/// </summary>
/// <param name="Name">Short name used on the command line and in the table.</param>
/// <param name="Service">Full service name.</param>
/// <param name="Method">Method name.</param>
/// <param name="Request">The request message for a user id.</param>
/// <param name="Answerer">Reads the response bytes (without the frame header) and says who answered.</param>
internal sealed record RpcCase(string Name, string Service, string Method, Func<string, IMessage> Request, Func<byte[], string> Answerer)
{
    /// <summary>The empty call every ratio is relative to.</summary>
    public static readonly RpcCase Empty = new("empty (Health/Check)", "grpc.health.v1.Health", "Check",
        _ => new HealthCheckRequest(), b => HealthCheckResponse.Parser.ParseFrom(b).Status.ToString());

    /// <summary>Every recommendation and profile call, limit 10, with and without reasons.</summary>
    public static readonly IReadOnlyList<RpcCase> All =
    [
        new("content", "graphattn.v1.RecommendationService", "RecommendContent",
            u => new RecommendContentRequest { UserId = u, Limit = 10 }, b => RecommendContentResponse.Parser.ParseFrom(b).Provenance.Method),
        new("content-explain", "graphattn.v1.RecommendationService", "RecommendContent",
            u => new RecommendContentRequest { UserId = u, Limit = 10, Explain = true }, b => RecommendContentResponse.Parser.ParseFrom(b).Provenance.Method),
        new("friends", "graphattn.v1.RecommendationService", "RecommendFriends",
            u => new RecommendFriendsRequest { UserId = u, Limit = 10 }, b => RecommendFriendsResponse.Parser.ParseFrom(b).Provenance.Method),
        new("friends-explain", "graphattn.v1.RecommendationService", "RecommendFriends",
            u => new RecommendFriendsRequest { UserId = u, Limit = 10, Explain = true }, b => RecommendFriendsResponse.Parser.ParseFrom(b).Provenance.Method),
        new("profile", "graphattn.v1.ProfileService", "GetUserProfile",
            u => new GetUserProfileRequest { UserId = u }, b => GetUserProfileResponse.Parser.ParseFrom(b).Provenance.Method),
    ];

    /// <summary>The HTTP/2 path, /service/method.</summary>
    public string Path => $"/{Service}/{Method}";

    /// <summary>The serialized request for <paramref name="user"/>.</summary>
    public byte[] Message(string user) => Request(user).ToByteArray();

    /// <summary>The request body on the wire: the 5-byte gRPC frame header (uncompressed, big-endian length), then the message.</summary>
    public byte[] Body(string user)
    {
        byte[] message = Message(user);
        var body = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(body, 5);
        return body;
    }
}
