using System.Net;
using System.Net.Sockets;
using GraphAttn.Neo4j.PackStream;
using GraphAttn.Neo4j.Protocol;

namespace GraphAttn.Neo4j.Tests.Support;

/// <summary>
/// A generated (not scripted) Bolt 5.4 server for volume tests: accepts HELLO/LOGON, answers one RUN, then on every
/// PULL {n} sends the next n records of a <c>total</c>-row result, with has_more until the end.
/// Each row is [index, a 100-byte string]. Counts the PULLs it served.
/// </summary>
internal sealed class StreamingBoltServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly long _total;

    public StreamingBoltServer(long total)
    {
        _total = total;
        _listener.Start();
        Completion = Task.Run(ServeAsync);
    }

    public Uri Uri => new($"bolt://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public Task Completion { get; }

    public int Pulls { get; private set; }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await Completion.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ServeAsync()
    {
        using var client = await _listener.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = timeout.Token;
        var reader = new MessageReader(stream, 1 << 20);
        await reader.ReadRawAsync(20, ct);
        await stream.WriteAsync(new byte[] { 0, 0, 4, 5 }, ct);
        var padding = new string('x', 100);
        var packer = new PackStreamWriter(1 << 16);
        var sent = 0L;
        while (true)
        {
            var message = await reader.ReadMessageAsync(ct);
            var signature = message.Span[1];
            packer.Clear();
            var output = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
            if (signature == MessageSignature.Goodbye)
            {
                return;
            }

            if (signature == MessageSignature.Pull)
            {
                Pulls++;
                var n = (long)new PackStreamReader(message.Span[2..]).ReadMap()["n"]!;
                for (var i = 0; i < n && sent < _total; i++, sent++)
                {
                    packer.Clear();
                    packer.WriteStructHeader(1, MessageSignature.Record);
                    packer.Write(new object?[] { sent, padding });
                    ChunkWriter.WriteMessage(packer.WrittenSpan, output);
                }

                packer.Clear();
                packer.WriteStructHeader(1, MessageSignature.Success);
                packer.Write(sent < _total ? new Dictionary<string, object?> { ["has_more"] = true } : new Dictionary<string, object?>());
            }
            else
            {
                packer.WriteStructHeader(1, MessageSignature.Success);
                packer.Write(signature == MessageSignature.Run
                    ? new Dictionary<string, object?> { ["fields"] = new[] { "i", "pad" } }
                    : new Dictionary<string, object?>());
            }

            ChunkWriter.WriteMessage(packer.WrittenSpan, output);
            await stream.WriteAsync(output.WrittenMemory, ct);
        }
    }
}
