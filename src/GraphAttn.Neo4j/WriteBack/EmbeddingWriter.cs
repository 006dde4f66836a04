using System.Globalization;
using GraphAttn.Neo4j.Driver;

namespace GraphAttn.Neo4j.WriteBack;

/// <summary>
/// Writes user embeddings back into Neo4j so its vector index can serve nearest-neighbour queries:
/// first <c>CREATE VECTOR INDEX ... IF NOT EXISTS</c> (dimensions from the vectors, cosine by default), then
/// batched <c>UNWIND $rows AS row MATCH (n:User {userId: row.id}) SET n.embedding = row.vector</c> write
/// transactions, each retried on transient errors. Running it twice leaves the same state (idempotent): the
/// index is created once and SET overwrites. Nodes are never created; unknown ids are counted as missing.
/// </summary>
public sealed class EmbeddingWriter(Neo4jDriver driver, EmbeddingWriterOptions? options = null)
{
    private readonly EmbeddingWriterOptions _options = Validated(options ?? new EmbeddingWriterOptions());

    /// <summary>The index statement for <paramref name="dimensions"/>-long vectors.</summary>
    public string IndexStatement(int dimensions) => string.Create(CultureInfo.InvariantCulture,
        $"CREATE VECTOR INDEX `{_options.IndexName}` IF NOT EXISTS FOR (n:`{_options.Schema.UserLabel}`) " +
        $"ON (n.`{_options.Property}`) OPTIONS {{indexConfig: {{`vector.dimensions`: {dimensions}, " +
        $"`vector.similarity_function`: '{_options.Similarity}'}}}}");

    /// <summary>The batched update statement (parameter <c>$rows</c>: list of {id, vector}).</summary>
    public string UpdateStatement =>
        $"UNWIND $rows AS row MATCH (n:`{_options.Schema.UserLabel}` {{`{_options.Schema.UserId}`: row.id}}) " +
        $"SET n.`{_options.Property}` = row.vector RETURN count(n) AS updated";

    /// <summary>
    /// Writes every (user id, vector) pair. All vectors must have the same, non-zero length and finite values;
    /// this is checked before anything is written. <paramref name="progress"/> receives the rows written so far.
    /// </summary>
    public async Task<EmbeddingWriteResult> WriteAsync(IReadOnlyList<(string UserId, float[] Vector)> embeddings,
        IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var dimensions = CheckVectors(embeddings);
        await using var session = driver.AsyncSession(new SessionConfig { Database = _options.Database });
        await session.ExecuteWriteAsync(async tx =>
            await (await tx.RunAsync(IndexStatement(dimensions), null, ct).ConfigureAwait(false)).ConsumeAsync(ct).ConfigureAwait(false), ct)
            .ConfigureAwait(false);
        long updated = 0, written = 0;
        var batches = 0;
        foreach (var batch in embeddings.Chunk(_options.BatchSize))
        {
            var rows = batch.Select(e => (object?)new Dictionary<string, object?> { ["id"] = e.UserId, ["vector"] = e.Vector }).ToArray();
            var parameters = new Dictionary<string, object?> { ["rows"] = rows };
            updated += await session.ExecuteWriteAsync(async tx =>
            {
                var cursor = await tx.RunAsync(UpdateStatement, parameters, ct).ConfigureAwait(false);
                return (await cursor.ToListAsync(ct).ConfigureAwait(false)).Single().Get<long>("updated");
            }, ct).ConfigureAwait(false);
            written += batch.Length;
            batches++;
            progress?.Report(written);
        }

        return new EmbeddingWriteResult(embeddings.Count, updated, batches, dimensions);
    }

    private static int CheckVectors(IReadOnlyList<(string UserId, float[] Vector)> embeddings)
    {
        if (embeddings.Count == 0)
        {
            throw new ArgumentException("No embeddings to write.", nameof(embeddings));
        }

        var dimensions = embeddings[0].Vector.Length;
        for (var i = 0; i < embeddings.Count; i++)
        {
            var (id, vector) = embeddings[i];
            if (string.IsNullOrEmpty(id) || vector.Length != dimensions || dimensions == 0 || !vector.All(float.IsFinite))
            {
                throw new ArgumentException(
                    $"Embedding {i} (user '{id}') is invalid: needs a non-empty id and {dimensions} finite values, has {vector.Length}.",
                    nameof(embeddings));
            }
        }

        return dimensions;
    }

    private static EmbeddingWriterOptions Validated(EmbeddingWriterOptions o)
    {
        o.Schema.Validate();
        Graph.Neo4jSchema.RequireIdentifier("Embedding property", o.Property);
        Graph.Neo4jSchema.RequireIdentifier("Vector index name", o.IndexName);
        if (o.Similarity is not ("cosine" or "euclidean"))
        {
            throw new ArgumentException($"Similarity must be cosine or euclidean, got '{o.Similarity}'.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(o.BatchSize, 1);
        return o;
    }
}
