using GraphAttn.Neo4j.Driver;
using GraphAttn.Neo4j.WriteBack;

namespace GraphAttn.Embedding.WriteBack;

/// <summary>
/// Writes computed user vectors into Neo4j through <see cref="EmbeddingWriter"/> (vector index, batched UNWIND,
/// idempotent), logging progress. A shard writes only its own users, so the pods of a sharded run write in parallel.
/// </summary>
public static class Neo4jWriteBack
{
    /// <summary>Writes rows of <paramref name="vectors"/> ([ids, dimensions], row-major) under their user ids.</summary>
    /// <param name="driver">Connected driver.</param>
    /// <param name="userIds">User id of each row.</param>
    /// <param name="vectors">Row-major user vectors.</param>
    /// <param name="dimensions">Vector length D.</param>
    /// <param name="database">Database; null = the server default.</param>
    /// <param name="log">Receives a progress line per ~10% written.</param>
    /// <param name="ct">Cancels between transactions.</param>
    /// <param name="batchSize">Rows per UNWIND transaction (default 1,000).</param>
    public static Task<EmbeddingWriteResult> WriteUsersAsync(Neo4jDriver driver, IReadOnlyList<string> userIds, float[] vectors,
        int dimensions, string? database, TextWriter log, CancellationToken ct, int batchSize = 1_000)
    {
        if (vectors.Length != (long)userIds.Count * dimensions)
            throw new ArgumentException($"{vectors.Length} values do not make {userIds.Count} vectors of {dimensions}");
        var rows = new (string, float[])[userIds.Count];
        for (var i = 0; i < rows.Length; i++) rows[i] = (userIds[i], vectors.AsSpan(i * dimensions, dimensions).ToArray());
        var writer = new EmbeddingWriter(driver, new EmbeddingWriterOptions { Database = database, BatchSize = batchSize });
        return writer.WriteAsync(rows, new LogProgress(log, rows.Length), ct);
    }

    private sealed class LogProgress(TextWriter log, long total) : IProgress<long>
    {
        private long nextTick;

        public void Report(long value)
        {
            if (value < nextTick && value < total) return;
            nextTick = value + Math.Max(1, total / 10);
            log.WriteLine($"neo4j write-back {value}/{total} users");
        }
    }
}
