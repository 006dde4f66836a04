using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GraphAttn.Tests.Shared;

/// <summary>
/// Sends arbitrary bytes as the body of a gRPC call (HTTP/2 POST, content-type application/grpc) and reads the final
/// grpc-status from the trailers, or from the headers of a trailers-only answer: what a broken or hostile client does,
/// which Grpc.Net.Client cannot be made to do.
/// </summary>
internal sealed class RawGrpc(HttpMessageInvoker invoker, Uri baseAddress, IReadOnlyDictionary<string, string>? headers = null) : IDisposable
{
    /// <summary>A raw client to the in-memory test server of <paramref name="host"/>.</summary>
    public static RawGrpc For(TestServerHost host, IReadOnlyDictionary<string, string>? headers = null)
    {
        var server = (TestServer)host.Services.GetRequiredService<IServer>();
        return new RawGrpc(new HttpMessageInvoker(server.CreateHandler()), server.BaseAddress, headers);
    }

    /// <summary>Posts <paramref name="body"/> to <paramref name="path"/> (e.g. "/graphattn.v1.AdminService/GetServiceInfo"); returns the grpc-status.</summary>
    public async Task<(int Status, string Message)> CallAsync(string path, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await invoker.SendAsync(request, CancellationToken.None).WaitAsync(TestTimeouts.Default);
        await response.Content.ReadAsByteArrayAsync();
        var status = Header(response.TrailingHeaders, "grpc-status") ?? Header(response.Headers, "grpc-status")
            ?? throw new InvalidOperationException($"{path}: HTTP {(int)response.StatusCode} without grpc-status");
        var message = Header(response.TrailingHeaders, "grpc-message") ?? Header(response.Headers, "grpc-message") ?? "";
        return (int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), Uri.UnescapeDataString(message));
    }

    /// <summary>The 5-byte gRPC frame header (no compression, big-endian length) followed by <paramref name="message"/>.</summary>
    public static byte[] Frame(byte[] message, byte flag = 0, int? declaredLength = null)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = flag;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)(declaredLength ?? message.Length));
        message.CopyTo(frame, 5);
        return frame;
    }

    public void Dispose() => invoker.Dispose();

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
