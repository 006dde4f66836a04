using System.CommandLine;
using Grpc.Core;

namespace GraphAttn.Cli.Client;

/// <summary>One call to a running server from a client command: channel, deadline, and a one-line error with exit code.</summary>
internal static class ClientCall
{
    /// <summary>Runs <paramref name="call"/>; returns 0, 2 for INVALID_ARGUMENT, 1 for any other failed status.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Option<string> address, Option<double> timeout,
        Func<Grpc.Net.Client.GrpcChannel, CallOptions, Task> call, CancellationToken ct)
    {
        using var channel = Channels.For(parse.GetValue(address)!);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(parse.GetValue(timeout)), cancellationToken: ct);
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
