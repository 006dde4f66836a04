using GraphAttn.Neo4j.Connection;
using GraphAttn.Neo4j.Errors;
using GraphAttn.Neo4j.Protocol;

namespace GraphAttn.Neo4j.Driver;

/// <summary>
/// An explicit transaction (BEGIN ... COMMIT/ROLLBACK) holding one connection until it ends. Disposing an
/// uncommitted transaction rolls it back. After a query fails the server has already rolled it back (RESET),
/// so commit throws and rollback only releases the connection.
/// </summary>
public sealed class AsyncTransaction : IAsyncDisposable
{
    private readonly BoltConnection _connection;
    private readonly long _fetchSize;
    private readonly Func<BoltConnection, string?, ValueTask> _onEnd;
    private ResultCursor? _open;
    private Exception? _failure;
    private bool _ended;

    private AsyncTransaction(BoltConnection connection, long fetchSize, Func<BoltConnection, string?, ValueTask> onEnd)
    {
        _connection = connection;
        _fetchSize = fetchSize;
        _onEnd = onEnd;
    }

    internal static async Task<AsyncTransaction> BeginAsync(BoltConnection connection,
        IReadOnlyDictionary<string, object?> extra, long fetchSize, Func<BoltConnection, string?, ValueTask> onEnd,
        CancellationToken ct)
    {
        try
        {
            connection.Enqueue(w => RequestMessages.Begin(w, extra));
            await connection.FlushAsync(ct).ConfigureAwait(false);
            await connection.ExpectSuccessAsync(ct).ConfigureAwait(false);
            return new AsyncTransaction(connection, fetchSize, onEnd);
        }
        catch
        {
            await onEnd(connection, null).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs a query inside the transaction; a still-open previous result is consumed first.</summary>
    public async Task<ResultCursor> RunAsync(string query, IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken ct = default)
    {
        using var span = Neo4jSpans.Query(query);
        await SettleOpenCursorAsync(ct).ConfigureAwait(false);
        _open = await ResultCursor.StartAsync(_connection, query, parameters ?? new Dictionary<string, object?>(),
            new Dictionary<string, object?>(), _fetchSize, (_, error) =>
            {
                _failure ??= error;
                return ValueTask.CompletedTask;
            }, ct).ConfigureAwait(false);
        return _open;
    }

    /// <summary>Commits; the session's bookmark advances to the one the server returns.</summary>
    public async Task CommitAsync(CancellationToken ct = default)
    {
        await SettleOpenCursorAsync(ct).ConfigureAwait(false);
        if (_failure is not null)
        {
            await EndAsync(null).ConfigureAwait(false);
            throw new ClientException("Cannot commit: a query in this transaction failed and it was rolled back. " + _failure.Message);
        }

        try
        {
            _connection.Enqueue(RequestMessages.Commit);
            await _connection.FlushAsync(ct).ConfigureAwait(false);
            var metadata = await _connection.ExpectSuccessAsync(ct).ConfigureAwait(false);
            await EndAsync(metadata.GetValueOrDefault("bookmark") as string).ConfigureAwait(false);
        }
        catch
        {
            await EndAsync(null).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Rolls back (no-op when a failure already rolled it back).</summary>
    public async Task RollbackAsync(CancellationToken ct = default)
    {
        try
        {
            if (_failure is null && !_connection.IsBroken)
            {
                await SettleOpenCursorAsync(ct).ConfigureAwait(false);
                _connection.Enqueue(RequestMessages.Rollback);
                await _connection.FlushAsync(ct).ConfigureAwait(false);
                await _connection.ExpectSuccessAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            await EndAsync(null).ConfigureAwait(false);
        }
    }

    /// <summary>Rolls back unless committed or rolled back already; errors here are swallowed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ended)
        {
            return;
        }

        try
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await RollbackAsync(quick.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Neo4jException or OperationCanceledException)
        {
            // Disposal must not mask the error that made the caller leave the transaction.
        }
    }

    private async Task SettleOpenCursorAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (_open is { IsCompleted: false } open && _failure is null)
        {
            await open.ConsumeAsync(ct).ConfigureAwait(false);
        }
    }

    private async ValueTask EndAsync(string? bookmark)
    {
        if (!_ended)
        {
            _ended = true;
            await _onEnd(_connection, bookmark).ConfigureAwait(false);
        }
    }
}
