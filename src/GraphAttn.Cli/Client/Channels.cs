using Grpc.Net.Client;

namespace GraphAttn.Cli.Client;

/// <summary>Creates gRPC channels; plain http:// addresses use HTTP/2 without TLS (h2c), as the server does by default.</summary>
internal static class Channels
{
    public static GrpcChannel For(string address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = 16 * 1024 * 1024,
    });
}
