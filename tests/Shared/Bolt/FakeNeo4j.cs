using System.Net;
using System.Net.Sockets;
using GraphAttn.Neo4j.PackStream;
using GraphAttn.Neo4j.Protocol;

namespace GraphAttn.Tests.Shared.Bolt;

/// <summary>
/// A Bolt 5.4 server on a loopback port standing in for a Neo4j database for the statements GraphAttn sends
/// (<see cref="FakeNeo4jStore"/> answers them). Any number of connections, in any order, so whole servers (several
/// replicas) can run against it; every RUN is recorded as Neo4j would receive it (query text and parameters), and an
/// unknown statement fails the call and is listed in <see cref="Unknown"/>. <see cref="SetDown"/> drops every connection
/// and refuses new ones until it is brought back up, on the same port.
/// </summary>
internal sealed class FakeNeo4j : IAsyncDisposable
{
    private readonly FakeNeo4jStore _store;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private TcpListener _listener;
    private Task _accepting;

    public FakeNeo4j(FakeNeo4jStore store)
    {
        _store = store;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_listener);
    }

    public int Port { get; }

    public Uri Uri => new($"bolt://127.0.0.1:{Port}");

    public FakeNeo4jStore Store => _store;

    /// <summary>Every RUN received: query text and parameters.</summary>
    public List<(string Query, IReadOnlyDictionary<string, object?> Parameters)> Runs { get; } = [];

    /// <summary>Statements the store does not know.</summary>
    public List<string> Unknown { get; } = [];

    /// <summary>Whether the server refuses connections.</summary>
    public bool IsDown { get; private set; }

    /// <summary>Runs of <paramref name="query"/> so far (thread-safe copy).</summary>
    public List<IReadOnlyDictionary<string, object?>> RunsOf(string query)
    {
        lock (Runs) return [.. Runs.Where(r => r.Query == query).Select(r => r.Parameters)];
    }

    /// <summary>Takes the server down (connections dropped, new ones refused) or brings it back on the same port.</summary>
    public void SetDown(bool down)
    {
        lock (_clients)
        {
            if (down == IsDown) return;
            IsDown = down;
            if (down)
            {
                _listener.Stop();
                foreach (var client in _clients) client.Dispose();
                _clients.Clear();
            }
            else
            {
                _listener = new TcpListener(IPAddress.Loopback, Port);
                _listener.Start();
                _accepting = AcceptAsync(_listener);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        SetDown(true);
        try
        {
            await _accepting.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // Stopping.
        }
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            lock (_clients) _clients.Add(client);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var reader = new MessageReader(stream, 1 << 24);
            await reader.ReadRawAsync(20, _stop.Token);
            await stream.WriteAsync(new byte[] { 0, 0, 4, 5 }, _stop.Token);
            FakeNeo4jStore.Result? pending = null;
            var failed = false;
            while (true)
            {
                var message = await reader.ReadMessageAsync(_stop.Token);
                var (signature, fields) = Parse(message);
                if (signature == MessageSignature.Goodbye) return;
                if (signature == MessageSignature.Reset)
                {
                    failed = false;
                    pending = null;
                    await SendAsync(stream, MessageSignature.Success, new Dictionary<string, object?>());
                    continue;
                }

                if (failed)
                {
                    await SendAsync(stream, MessageSignature.Ignored);
                    continue;
                }

                switch (signature)
                {
                    case MessageSignature.Hello:
                        await SendAsync(stream, MessageSignature.Success, new Dictionary<string, object?> { ["server"] = "Neo4j/5.26.0", ["connection_id"] = "fake" });
                        break;
                    case MessageSignature.Run:
                        var query = (string)fields[0]!;
                        var parameters = (IReadOnlyDictionary<string, object?>)fields[1]!;
                        lock (Runs) Runs.Add((query, parameters));
                        try
                        {
                            pending = _store.Run(query, parameters);
                            await SendAsync(stream, MessageSignature.Success, new Dictionary<string, object?> { ["fields"] = pending.Fields, ["t_first"] = 0L });
                        }
                        catch (KeyNotFoundException)
                        {
                            lock (Unknown) Unknown.Add(query);
                            failed = true;
                            await SendAsync(stream, MessageSignature.Failure, new Dictionary<string, object?>
                            {
                                ["code"] = "Neo.ClientError.Statement.SyntaxError",
                                ["message"] = "the fake does not know this statement",
                            });
                        }

                        break;
                    case MessageSignature.Pull or MessageSignature.Discard:
                        var n = fields.Length > 0 && fields[0] is IReadOnlyDictionary<string, object?> extra && extra.TryGetValue("n", out var size) ? (long)size! : -1L;
                        var rows = signature == MessageSignature.Pull ? pending?.Rows ?? [] : [];
                        var sent = 0;
                        while (rows.Count > 0 && (n < 0 || sent < n))
                        {
                            await SendAsync(stream, MessageSignature.Record, (object?)rows[0]);
                            rows.RemoveAt(0);
                            sent++;
                        }

                        if (rows.Count > 0)
                        {
                            await SendAsync(stream, MessageSignature.Success, new Dictionary<string, object?> { ["has_more"] = true });
                            break;
                        }

                        pending = null;
                        await SendAsync(stream, MessageSignature.Success, new Dictionary<string, object?> { ["type"] = "rw" });
                        break;
                    default:
                        // HELLO's successors, BEGIN, COMMIT, ROLLBACK, LOGON: accepted (writes apply at once).
                        await SendAsync(stream, MessageSignature.Success, new Dictionary<string, object?>());
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException
                                      or GraphAttn.Neo4j.Errors.Neo4jException)
        {
            // The client went away, or the server was taken down.
        }
        finally
        {
            lock (_clients) _clients.Remove(client);
            client.Dispose();
        }
    }

    private static (byte Signature, object?[] Fields) Parse(ReadOnlyMemory<byte> message)
    {
        var reader = new PackStreamReader(message.Span);
        var count = reader.ReadStructHeader(out var signature);
        var fields = new object?[count];
        for (var i = 0; i < count; i++) fields[i] = reader.ReadValue();
        return (signature, fields);
    }

    private static async Task SendAsync(NetworkStream stream, byte signature, params object?[] fields)
    {
        await stream.WriteAsync(ScriptedBoltServer.Frame(signature, fields));
        await stream.FlushAsync();
    }
}
