using System.Diagnostics.CodeAnalysis;
using GraphAttn.Graph;
using Grpc.Core;

namespace GraphAttn.Server.Validation;

/// <summary>Resolves external ids to indices, or fails the call with NOT_FOUND naming the id.</summary>
public static class Lookup
{
    /// <summary>Index of a user id.</summary>
    public static int User(SocialGraph g, string id) => g.Users.TryGetIndex(id, out var i) ? i : NotFound("user", id);

    /// <summary>Index of a content id.</summary>
    public static int Content(SocialGraph g, string id) => g.Contents.TryGetIndex(id, out var i) ? i : NotFound("content", id);

    /// <summary>Index of a topic id.</summary>
    public static int Topic(SocialGraph g, string id) => g.Topics.TryGetIndex(id, out var i) ? i : NotFound("topic", id);

    [DoesNotReturn]
    private static int NotFound(string what, string id) =>
        throw new RpcException(new Status(StatusCode.NotFound, $"Unknown {what} '{id}'."));
}
