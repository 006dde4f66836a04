using System.Collections.Concurrent;
using GraphAttn.Neo4j.Driver;
using GraphAttn.Neo4j.Errors;

namespace GraphAttn.Neo4j.Connection;

/// <summary>
/// Pool of authenticated connections to one server: at most <see cref="DriverConfig.MaxConnectionPoolSize"/>
/// open (in use or idle), acquisition waits up to <see cref="DriverConfig.ConnectionAcquisitionTimeout"/>,
/// idle connections older than <see cref="DriverConfig.MaxConnectionLifetime"/> are closed, and one idle longer
/// than <see cref="DriverConfig.ConnectionLivenessCheckTimeout"/> is pinged before it is handed out.
/// </summary>
internal sealed class ConnectionPool(Func<CancellationToken, Task<BoltConnection>> open, DriverConfig config) : IAsyncDisposable
{
    private readonly SemaphoreSlim _slots = new(config.MaxConnectionPoolSize, config.MaxConnectionPoolSize);
    private readonly ConcurrentStack<BoltConnection> _idle = new();
    private volatile bool _disposed;

    /// <summary>Connections waiting for reuse.</summary>
    public int IdleCount => _idle.Count;

    /// <summary>Connections handed out and not yet released.</summary>
    public int InUseCount => config.MaxConnectionPoolSize - _slots.CurrentCount - _idle.Count;

    public async Task<BoltConnection> AcquireAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!await _slots.WaitAsync(config.ConnectionAcquisitionTimeout, ct).ConfigureAwait(false))
        {
            throw new ClientException(
                $"No connection became free within {config.ConnectionAcquisitionTimeout} " +
                $"(pool size {config.MaxConnectionPoolSize}): release sessions and cursors, or raise the limit.");
        }

        try
        {
            while (_idle.TryPop(out var connection))
            {
                if (await IsReusableAsync(connection, ct).ConfigureAwait(false))
                {
                    return connection;
                }

                await connection.DisposeAsync().ConfigureAwait(false);
            }

            return await open(ct).ConfigureAwait(false);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public async ValueTask ReleaseAsync(BoltConnection connection)
    {
        if (connection.IsBroken || _disposed || IsTooOld(connection))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            _idle.Push(connection);
        }

        _slots.Release();
    }

    private async Task<bool> IsReusableAsync(BoltConnection connection, CancellationToken ct)
    {
        if (connection.IsBroken || IsTooOld(connection))
        {
            return false;
        }

        var idle = config.Time.GetElapsedTime(connection.LastUsedAt);
        return config.ConnectionLivenessCheckTimeout is not { } limit || idle <= limit
            || await connection.IsAliveAsync(ct).ConfigureAwait(false);
    }

    private bool IsTooOld(BoltConnection connection) =>
        config.Time.GetElapsedTime(connection.CreatedAt) > config.MaxConnectionLifetime;

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryPop(out var connection))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
