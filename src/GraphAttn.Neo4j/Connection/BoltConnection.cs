using System.Buffers;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using GraphAttn.Neo4j.Driver;
using GraphAttn.Neo4j.Errors;
using GraphAttn.Neo4j.PackStream;
using GraphAttn.Neo4j.Protocol;

namespace GraphAttn.Neo4j.Connection;

/// <summary>
/// One authenticated Bolt connection. Requests are queued with <see cref="Enqueue"/> and sent together by
/// <see cref="FlushAsync"/> (pipelining); responses are read in order with <see cref="ReceiveAsync"/>.
/// It tracks how many summaries (SUCCESS/FAILURE/IGNORED) are still owed so that after a FAILURE
/// <see cref="RecoverAsync"/> can drain them and RESET the connection for reuse. Not thread-safe: a session owns it.
/// </summary>
internal sealed partial class BoltConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly MessageReader _reader;
    private readonly PackStreamWriter _packer = new();
    private readonly ArrayBufferWriter<byte> _outbox = new(4096);
    private readonly DriverConfig _config;
    private int _pendingSummaries;

    private BoltConnection(Stream stream, DriverConfig config, TcpClient? tcp)
    {
        _stream = stream;
        _config = config;
        _tcp = tcp;
        _reader = new MessageReader(stream, config.Limits.MaxMessageBytes);
        CreatedAt = config.Time.GetTimestamp();
        LastUsedAt = CreatedAt;
    }

    private readonly TcpClient? _tcp;

    /// <summary>Negotiated protocol version.</summary>
    public BoltVersion Version { get; private set; }

    /// <summary>The server's agent string from HELLO (e.g. <c>Neo4j/5.26.0</c>).</summary>
    public string? ServerAgent { get; private set; }

    /// <summary>Timestamp (of <see cref="DriverConfig.Time"/>) when the connection was opened.</summary>
    public long CreatedAt { get; }

    /// <summary>Timestamp of the last completed exchange.</summary>
    public long LastUsedAt { get; private set; }

    /// <summary>Set when the stream failed or the protocol was broken: never reuse it.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>Queues one request message; <paramref name="expectsSummary"/> false only for GOODBYE.</summary>
    public void Enqueue(Action<PackStreamWriter> write, bool expectsSummary = true)
    {
        _packer.Clear();
        write(_packer);
        ChunkWriter.WriteMessage(_packer.WrittenSpan, _outbox);
        if (expectsSummary)
        {
            _pendingSummaries++;
        }
    }

    /// <summary>Sends everything queued.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        try
        {
            await _stream.WriteAsync(_outbox.WrittenMemory, ct).ConfigureAwait(false);
            await _stream.FlushAsync(ct).ConfigureAwait(false);
            _outbox.ResetWrittenCount();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            IsBroken = true;
            throw new ServiceUnavailableException("Connection lost while sending: " + e.Message, e);
        }
    }

    /// <summary>Reads the next server message, applying the read timeout.</summary>
    public async Task<BoltResponse> ReceiveAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (_config.ReadTimeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        try
        {
            var message = await _reader.ReadMessageAsync(timeout.Token).ConfigureAwait(false);
            var response = BoltResponse.Decode(message.Span, _config.Limits);
            if (!response.IsRecord)
            {
                _pendingSummaries--;
                LastUsedAt = _config.Time.GetTimestamp();
            }

            return response;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            IsBroken = true;
            throw new ServiceUnavailableException($"No message from the server within {_config.ReadTimeout}.");
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            IsBroken = true;
            throw new ServiceUnavailableException("Connection lost while reading: " + e.Message, e);
        }
        catch (Exception e) when (e is Neo4jException or OperationCanceledException)
        {
            IsBroken = true;
            throw;
        }
    }

    /// <summary>Reads one summary; FAILURE is recovered from (RESET) and thrown as a typed exception.</summary>
    public async Task<Dictionary<string, object?>> ExpectSuccessAsync(CancellationToken ct)
    {
        var response = await ReceiveAsync(ct).ConfigureAwait(false);
        if (response.IsSuccess)
        {
            return response.Metadata!;
        }

        throw await FailAsync(response, ct).ConfigureAwait(false);
    }

    /// <summary>Turns a non-success response into an exception after restoring the connection with RESET.</summary>
    public async Task<Neo4jException> FailAsync(BoltResponse response, CancellationToken ct)
    {
        var error = response.IsFailure
            ? FailureClassifier.FromFailure(response.Metadata!)
            : new BoltProtocolException($"Unexpected {response} from the server.");
        if (error is BoltProtocolException)
        {
            IsBroken = true;
        }
        else
        {
            await RecoverAsync(ct).ConfigureAwait(false);
        }

        return error;
    }

    /// <summary>
    /// After a FAILURE the server ignores everything until RESET: send RESET and drain every owed summary.
    /// If that fails the connection is marked broken.
    /// </summary>
    public async Task RecoverAsync(CancellationToken ct)
    {
        try
        {
            Enqueue(RequestMessages.Reset);
            await FlushAsync(ct).ConfigureAwait(false);
            BoltResponse last = default;
            while (_pendingSummaries > 0)
            {
                last = await ReceiveAsync(ct).ConfigureAwait(false);
            }

            IsBroken |= !last.IsSuccess;
        }
        catch (Neo4jException)
        {
            IsBroken = true;
        }
    }

    /// <summary>Liveness check: a RESET round trip.</summary>
    public async Task<bool> IsAliveAsync(CancellationToken ct)
    {
        try
        {
            Enqueue(RequestMessages.Reset);
            await FlushAsync(ct).ConfigureAwait(false);
            return (await ReceiveAsync(ct).ConfigureAwait(false)).IsSuccess;
        }
        catch (Neo4jException)
        {
            return false;
        }
    }

    /// <summary>Says GOODBYE (best effort) and closes the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!IsBroken)
        {
            try
            {
                Enqueue(RequestMessages.Goodbye, expectsSummary: false);
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await FlushAsync(quick.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Neo4jException or OperationCanceledException)
            {
                // The peer is already gone; closing the socket is all that is left to do.
            }
        }

        IsBroken = true;
        await _stream.DisposeAsync().ConfigureAwait(false);
        _tcp?.Dispose();
    }

    private static string Platform => $"{RuntimeInformation.OSDescription}; {RuntimeInformation.OSArchitecture}";

    private static string Language => RuntimeInformation.FrameworkDescription;
}
