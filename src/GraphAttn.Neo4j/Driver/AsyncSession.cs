using GraphAttn.Neo4j.Connection;

namespace GraphAttn.Neo4j.Driver;

/// <summary>
/// A sequence of queries and transactions that follow each other causally (bookmarks chain them). Cheap to
/// create; borrows a pooled connection per query or transaction. One thing at a time: a new query first
/// consumes the previous result. Not thread-safe.
/// </summary>
public sealed class AsyncSession : IAsyncDisposable
{
    private readonly Neo4jDriver _driver;
    private readonly SessionConfig _config;
    private ResultCursor? _open;
    private AsyncTransaction? _transaction;

    internal AsyncSession(Neo4jDriver driver, SessionConfig config)
    {
        _driver = driver;
        _config = config;
        LastBookmarks = config.Bookmarks;
    }

    /// <summary>Bookmarks of the last committed work (pass to another session to read your writes).</summary>
    public IReadOnlyList<string> LastBookmarks { get; private set; }

    private long FetchSize => _config.FetchSize ?? _driver.Config.FetchSize;

    /// <summary>Runs an auto-commit query and streams its result.</summary>
    public async Task<ResultCursor> RunAsync(string query, IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken ct = default)
    {
        using var span = Neo4jSpans.Query(query);
        await SettleAsync(ct).ConfigureAwait(false);
        var connection = await _driver.Pool.AcquireAsync(ct).ConfigureAwait(false);
        _open = await ResultCursor.StartAsync(connection, query, parameters ?? new Dictionary<string, object?>(),
            TransactionExtra(_config.DefaultAccessMode), FetchSize, async (summary, _) =>
            {
                if (summary?.Bookmark is { } bookmark)
                {
                    LastBookmarks = [bookmark];
                }

                await _driver.Pool.ReleaseAsync(connection).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        return _open;
    }

    /// <summary>Begins an explicit transaction in the session's default access mode (or <paramref name="mode"/>).</summary>
    public async Task<AsyncTransaction> BeginTransactionAsync(AccessMode? mode = null, CancellationToken ct = default)
    {
        await SettleAsync(ct).ConfigureAwait(false);
        var connection = await _driver.Pool.AcquireAsync(ct).ConfigureAwait(false);
        _transaction = await AsyncTransaction.BeginAsync(connection, TransactionExtra(mode ?? _config.DefaultAccessMode),
            FetchSize, OnTransactionEndAsync, ct).ConfigureAwait(false);
        return _transaction;
    }

    /// <summary>Runs <paramref name="work"/> in a read transaction, retrying transient failures (see <see cref="RetryPolicy"/>).</summary>
    public Task<T> ExecuteReadAsync<T>(Func<AsyncTransaction, Task<T>> work, CancellationToken ct = default) =>
        ExecuteAsync(AccessMode.Read, work, ct);

    /// <summary>Runs <paramref name="work"/> in a write transaction, retrying transient failures.</summary>
    public Task<T> ExecuteWriteAsync<T>(Func<AsyncTransaction, Task<T>> work, CancellationToken ct = default) =>
        ExecuteAsync(AccessMode.Write, work, ct);

    /// <summary>Finishes an open result or transaction and returns the connection to the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }

        if (_open is { IsCompleted: false } open)
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await open.ConsumeAsync(quick.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Errors.Neo4jException or OperationCanceledException)
            {
                // The connection is already released as broken; nothing else to clean up.
            }
        }
    }

    private Task<T> ExecuteAsync<T>(AccessMode mode, Func<AsyncTransaction, Task<T>> work, CancellationToken ct) =>
        _driver.Config.Retry.ExecuteAsync(async token =>
        {
            var tx = await BeginTransactionAsync(mode, token).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                var result = await work(tx).ConfigureAwait(false);
                await tx.CommitAsync(token).ConfigureAwait(false);
                return result;
            }
        }, _driver.Config.Time, ct);

    private async ValueTask OnTransactionEndAsync(BoltConnection connection, string? bookmark)
    {
        if (bookmark is not null)
        {
            LastBookmarks = [bookmark];
        }

        _transaction = null;
        await _driver.Pool.ReleaseAsync(connection).ConfigureAwait(false);
    }

    private async Task SettleAsync(CancellationToken ct)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("Finish the open transaction before running more work in this session.");
        }

        if (_open is { IsCompleted: false } open)
        {
            await open.ConsumeAsync(ct).ConfigureAwait(false);
        }
    }

    private Dictionary<string, object?> TransactionExtra(AccessMode mode)
    {
        var extra = new Dictionary<string, object?>();
        if (LastBookmarks.Count > 0)
        {
            extra["bookmarks"] = LastBookmarks.ToArray();
        }

        if (_config.Database is { } db)
        {
            extra["db"] = db;
        }

        if (mode == AccessMode.Read)
        {
            extra["mode"] = "r";
        }

        return extra;
    }
}
