using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using GraphAttn.Neo4j.PackStream;
using GraphAttn.Neo4j.Protocol;

namespace GraphAttn.Tests.Shared.Bolt;

/// <summary>
/// In-process Bolt stub server in the style of Neo4j's own driver test stubs. Each script (one per accepted
/// connection, in order) is a list of lines:
/// <list type="bullet">
/// <item><c>!: BOLT 5.4</c> agree a version; <c>!: MANIFEST 5.7 6.0 -> 6.0</c> manifest offer and the
/// expected client choice; <c>!: HANDSHAKE 00000000</c> a raw reply (default BOLT 5.4).</item>
/// <item><c>C: NAME fields-as-json</c> the expected client message; <c>*</c> matches anything.</item>
/// <item><c>S: SUCCESS {...}</c>, <c>S: RECORD [...]</c>, <c>S: FAILURE {...}</c>, <c>S: IGNORED</c>,
/// <c>S: &lt;NOOP&gt;</c>, <c>S: &lt;RAW&gt; hex</c>, <c>S: &lt;EXIT&gt;</c> (close now), <c>S: &lt;SLEEP&gt; ms</c>.</item>
/// </list>
/// <see cref="Completion"/> ends when every script's last line is done and faults with the first mismatch;
/// afterwards only GOODBYE or a close is expected (anything else lands in <see cref="Unexpected"/>).
/// </summary>
internal sealed partial class ScriptedBoltServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string[][] _scripts;
    private readonly CancellationTokenSource _stop = new();

    public ScriptedBoltServer(params string[] scripts) : this(null, scripts)
    {
    }

    public ScriptedBoltServer(X509Certificate2? certificate, params string[] scripts)
    {
        _scripts = scripts.Select(s => s.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray()).ToArray();
        Certificate = certificate;
        _listener.Start();
        Completion = Task.Run(RunAsync);
    }

    public X509Certificate2? Certificate { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Uri => new($"bolt://127.0.0.1:{Port}");

    public Task Completion { get; }

    public List<string> Received { get; } = [];

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await Task.WhenAll(_drains).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // Best effort: a drain that did not end is cancelled below.
        }

        _stop.Cancel();
        try
        {
            await Completion.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // Tests assert on Completion themselves; disposal only stops the server.
        }
    }

    private async Task RunAsync()
    {
        foreach (var script in _scripts)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Stream stream = client.GetStream();
            if (Certificate is not null)
            {
                var ssl = new SslStream(stream);
                await ssl.AuthenticateAsServerAsync(Certificate);
                stream = ssl;
            }

            try
            {
                var reader = await RunScriptAsync(stream, script);
                if (reader is not null)
                {
                    // The script is done; the client may still say GOODBYE when it is disposed later.
                    _drains.Add(DrainAsync(reader, stream, client));
                    continue;
                }
            }
            catch
            {
                // Refuse further connections too, so a retrying client fails fast instead of waiting on the backlog.
                _listener.Stop();
                await stream.DisposeAsync();
                client.Dispose();
                throw;
            }

            await stream.DisposeAsync();
            client.Dispose();
        }
    }

    private readonly List<Task> _drains = [];

    /// <summary>Client messages after the script's last line other than GOODBYE.</summary>
    public List<string> Unexpected { get; } = [];

    private async Task DrainAsync(MessageReader reader, Stream stream, TcpClient client)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var got = Render(await reader.ReadMessageAsync(timeout.Token));
            Received.Add(got);
            if (!got.StartsWith("GOODBYE"))
            {
                Unexpected.Add(got);
            }
        }
        catch (Exception e) when (e is Neo4j.Errors.Neo4jException or OperationCanceledException or IOException)
        {
            // The client closed the socket or went quiet: fine.
        }
        finally
        {
            await stream.DisposeAsync();
            client.Dispose();
        }
    }

    // Returns the reader to drain, or null when the script closed the connection itself.
    private async Task<MessageReader?> RunScriptAsync(Stream stream, string[] lines)
    {
        var reader = new MessageReader(stream, 1 << 24);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        var magic = await reader.ReadRawAsync(20, ct);
        Check(magic.AsSpan(0, 4).SequenceEqual(new byte[] { 0x60, 0x60, 0xB0, 0x17 }), "bad handshake magic");
        var body = lines.SkipWhile(l => l.StartsWith("!:")).ToArray();
        var handshake = lines.TakeWhile(l => l.StartsWith("!:")).DefaultIfEmpty("!: BOLT 5.4").ToArray();
        foreach (var directive in handshake)
        {
            await HandshakeAsync(directive[2..].Trim(), stream, reader, ct);
        }

        foreach (var line in body)
        {
            if (line.StartsWith("C:"))
            {
                var got = Render(await reader.ReadMessageAsync(ct));
                Received.Add(got);
                var pattern = line[2..].Trim();
                Check(Glob(pattern).IsMatch(got), $"expected client message `{pattern}` but got `{got}`");
            }
            else if (line.StartsWith("S:"))
            {
                if (!await SendAsync(line[2..].Trim(), stream, ct))
                {
                    return null;
                }
            }
            else
            {
                throw new InvalidOperationException("bad script line: " + line);
            }
        }

        return reader;
    }

    private static void Check(bool ok, string problem)
    {
        if (!ok)
        {
            throw new InvalidOperationException("Stub script mismatch: " + problem);
        }
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*") + "$", RegexOptions.Singleline);

    private static string Render(ReadOnlyMemory<byte> message)
    {
        var reader = new PackStreamReader(message.Span);
        var count = reader.ReadStructHeader(out var signature);
        var fields = new List<string>();
        for (var i = 0; i < count; i++)
        {
            fields.Add(ScriptJson.Render(reader.ReadValue()));
        }

        return string.Join(' ', fields.Prepend(MessageSignature.Name(signature)));
    }

    internal static byte[] Frame(byte signature, params object?[] fields)
    {
        var packer = new PackStreamWriter();
        packer.WriteStructHeader(fields.Length, signature);
        foreach (var field in fields)
        {
            packer.Write(field);
        }

        var framed = new ArrayBufferWriter<byte>();
        ChunkWriter.WriteMessage(packer.WrittenSpan, framed);
        return framed.WrittenSpan.ToArray();
    }
}
