using System.CommandLine;
using GraphAttn.Cli.Options;
using Grpc.Core;

namespace GraphAttn.Cli.Client;

/// <summary>One call to a running server from a client command: channel, deadline, and a one-line error with exit code.</summary>
internal static class ClientCall
{
    /// <summary>Runs <paramref name="call"/>; returns 0, 2 for INVALID_ARGUMENT, 1 for any other failed status.</summary>
    public static async Task<int> RunAsync(ParseResult parse, ConnectionOptions connection,
        Func<Grpc.Net.Client.GrpcChannel, CallOptions, Task> call, CancellationToken ct)
    {
        using var channel = Channels.For(connection.Read(parse));
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(parse.GetValue(connection.Timeout)), cancellationToken: ct);
        try
        {
            await call(channel, options);
            return 0;
        }
        catch (RpcException ex)
        {
            RpcErrors.Print(ex, parse.InvocationConfiguration.Error);
            return ex.StatusCode == StatusCode.InvalidArgument ? 2 : 1;
        }
    }
}
