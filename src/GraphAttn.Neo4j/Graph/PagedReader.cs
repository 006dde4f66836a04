using GraphAttn.Graph;
using GraphAttn.Neo4j.Driver;

namespace GraphAttn.Neo4j.Graph;

/// <summary>
/// Runs one keyset-paginated query to the end: each page is a retried read transaction, rows are handed on only
/// after it committed (so a retry never double-counts), and the last anchor id of a page is the next
/// <c>$after</c>. A page with fewer anchors than the page size is the last one.
/// </summary>
internal sealed class PagedReader(AsyncSession session, int pageSize, long sinceMs, IProgress<GraphLoadProgress>? progress)
{
    public async Task ReadAsync(string stage, string query, string anchorKey, Action<Record> onRow, CancellationToken ct)
    {
        var after = "";
        long rows = 0;
        var isRelationship = anchorKey == "from";
        while (true)
        {
            var parameters = new Dictionary<string, object?> { ["after"] = after, ["limit"] = (long)pageSize, ["since"] = sinceMs };
            var page = await session.ExecuteReadAsync(async tx =>
                await (await tx.RunAsync(query, parameters, ct).ConfigureAwait(false)).ToListAsync(ct).ConfigureAwait(false), ct)
                .ConfigureAwait(false);
            var anchors = 0;
            string? previous = null;
            foreach (var record in page)
            {
                var anchor = record[anchorKey] as string;
                if (anchor != previous)
                {
                    anchors++;
                    previous = anchor;
                }

                // A start node without relationships comes back once with a null end: it only moves the key.
                if (isRelationship && record["to"] is null)
                {
                    continue;
                }

                try
                {
                    onRow(record);
                }
                catch (GraphDataException e)
                {
                    throw new GraphDataException($"neo4j {stage}, after id '{after}': {e.Problem}");
                }

                rows++;
            }

            progress?.Report(new GraphLoadProgress(stage, rows, false));
            if (anchors < pageSize || previous is null)
            {
                break;
            }

            after = previous;
        }

        progress?.Report(new GraphLoadProgress(stage, rows, true));
    }
}
