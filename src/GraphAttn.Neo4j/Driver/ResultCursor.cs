using GraphAttn.Neo4j.Connection;
using GraphAttn.Neo4j.Protocol;

namespace GraphAttn.Neo4j.Driver;

/// <summary>
/// A streaming query result. Records arrive in batches of the fetch size: when the server reports
/// <c>has_more</c> the cursor sends the next PULL, so at most one batch is in flight and memory stays bounded
/// however many rows the query returns. Read it once with <c>await foreach</c> or <see cref="FetchAsync"/>;
/// <see cref="ConsumeAsync"/> discards what is left (DISCARD) and returns the summary.
/// </summary>
public sealed class ResultCursor : IAsyncEnumerable<Record>
{
    private readonly BoltConnection _connection;
    private readonly long _fetchSize;
    private readonly Func<ResultSummary?, Exception?, ValueTask> _onDone;
    private readonly Dictionary<string, int> _index;
    private ResultSummary? _summary;
    private bool _enumerated;

    private ResultCursor(BoltConnection connection, IReadOnlyList<string> keys, long fetchSize,
        Func<ResultSummary?, Exception?, ValueTask> onDone)
    {
        _connection = connection;
        Keys = keys;
        _fetchSize = fetchSize;
        _onDone = onDone;
        _index = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
    }

    /// <summary>Column names from the RUN reply.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Whether the stream has ended (successfully or not).</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>The record read by the last successful <see cref="FetchAsync"/>.</summary>
    public Record? Current { get; private set; }

    internal static async Task<ResultCursor> StartAsync(BoltConnection connection, string query,
        IReadOnlyDictionary<string, object?> parameters, IReadOnlyDictionary<string, object?> extra, long fetchSize,
        Func<ResultSummary?, Exception?, ValueTask> onDone, CancellationToken ct)
    {
        try
        {
            connection.Enqueue(w => RequestMessages.Run(w, query, parameters, extra));
            connection.Enqueue(w => RequestMessages.Pull(w, fetchSize));
            await connection.FlushAsync(ct).ConfigureAwait(false);
            var run = await connection.ExpectSuccessAsync(ct).ConfigureAwait(false);
            var keys = (run.GetValueOrDefault("fields") as IReadOnlyList<object?> ?? []).Select(k => k as string ?? "").ToArray();
            return new ResultCursor(connection, keys, fetchSize, onDone);
        }
        catch (Exception e)
        {
            await onDone(null, e).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Advances to the next record; false at the end. Server failures throw typed exceptions.</summary>
    public async ValueTask<bool> FetchAsync(CancellationToken ct = default)
    {
        while (!IsCompleted)
        {
            var response = await ReceiveAsync(ct).ConfigureAwait(false);
            if (response.IsRecord)
            {
                Current = new Record(Keys, _index, response.Values!);
                return true;
            }

            await OnSummaryAsync(response, ct).ConfigureAwait(false);
        }

        Current = null;
        return false;
    }

    /// <inheritdoc />
    public async IAsyncEnumerator<Record> GetAsyncEnumerator(CancellationToken ct = default)
    {
        if (_enumerated)
        {
            throw new InvalidOperationException("A result can be read only once.");
        }

        _enumerated = true;
        while (await FetchAsync(ct).ConfigureAwait(false))
        {
            yield return Current!;
        }
    }

    /// <summary>All remaining records in memory (only for results known to be small).</summary>
    public async Task<List<Record>> ToListAsync(CancellationToken ct = default)
    {
        var list = new List<Record>();
        while (await FetchAsync(ct).ConfigureAwait(false))
        {
            list.Add(Current!);
        }

        return list;
    }

    /// <summary>Discards the records not read yet and returns the summary.</summary>
    public async Task<ResultSummary> ConsumeAsync(CancellationToken ct = default)
    {
        while (!IsCompleted)
        {
            var response = await ReceiveAsync(ct).ConfigureAwait(false);
            if (!response.IsRecord)
            {
                await OnSummaryAsync(response, ct, discardRest: true).ConfigureAwait(false);
            }
        }

        return _summary!;
    }

    private async Task OnSummaryAsync(BoltResponse response, CancellationToken ct, bool discardRest = false)
    {
        if (!response.IsSuccess)
        {
            var error = await _connection.FailAsync(response, ct).ConfigureAwait(false);
            await CompleteAsync(null, error).ConfigureAwait(false);
            throw error;
        }

        if (response.Metadata!.GetValueOrDefault("has_more") is true)
        {
            var n = _fetchSize;
            _connection.Enqueue(discardRest ? w => RequestMessages.Discard(w, -1) : w => RequestMessages.Pull(w, n));
            await SendAsync(ct).ConfigureAwait(false);
            return;
        }

        await CompleteAsync(new ResultSummary(response.Metadata!), null).ConfigureAwait(false);
    }

    private async Task<BoltResponse> ReceiveAsync(CancellationToken ct)
    {
        try
        {
            return await _connection.ReceiveAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await CompleteAsync(null, e).ConfigureAwait(false);
            throw;
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        try
        {
            await _connection.FlushAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await CompleteAsync(null, e).ConfigureAwait(false);
            throw;
        }
    }

    private ValueTask CompleteAsync(ResultSummary? summary, Exception? error)
    {
        IsCompleted = true;
        _summary = summary;
        return _onDone(summary, error);
    }
}
