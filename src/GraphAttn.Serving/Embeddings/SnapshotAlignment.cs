using GraphAttn.Graph;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Embeddings;

/// <summary>
/// Maps between a graph's dense indices and a snapshot's rows, matched by id. A snapshot is computed on an earlier
/// graph, so either side may hold ids the other lacks (new users, deleted content): those map to -1.
/// </summary>
public sealed class SnapshotAlignment
{
    private SnapshotAlignment(int[] userRow, int[] rowUser, int[] contentRow, int[] rowContent, bool sameGraph,
        int[] retrievalContentRow, int[] retrievalRowContent)
    {
        UserRow = userRow;
        RowUser = rowUser;
        ContentRow = contentRow;
        RowContent = rowContent;
        RetrievalContentRow = retrievalContentRow;
        RetrievalRowContent = retrievalRowContent;
        SameGraph = sameGraph;
        MissingUsers = userRow.Count(r => r < 0);
        MissingContents = contentRow.Count(r => r < 0);
        OrphanUserRows = Orphans(rowUser);
        OrphanContentRows = Orphans(rowContent);
    }

    /// <summary>Snapshot user row of each graph user, -1 if the snapshot lacks it. Length: graph user count.</summary>
    public int[] UserRow { get; }

    /// <summary>Graph user of each snapshot user row, -1 if the graph lacks it. Length: snapshot user count.</summary>
    public int[] RowUser { get; }

    /// <summary>Snapshot content row of each graph content, -1 if missing. Length: graph content count.</summary>
    public int[] ContentRow { get; }

    /// <summary>Graph content of each snapshot content row, -1 if missing. Length: snapshot content count.</summary>
    public int[] RowContent { get; }

    /// <summary>
    /// Row of each graph content in the content index: its snapshot row, else the fresh row appended for it since the
    /// snapshot was loaded (content created later, see <see cref="Store.ServingSnapshot.AddFreshContents"/>), else -1.
    /// Only retrieval reads these; the snapshot's matrices hold <see cref="ContentRow"/>'s rows alone.
    /// </summary>
    public int[] RetrievalContentRow { get; }

    /// <summary>Graph content of each content index row (snapshot rows, then fresh rows), -1 if the graph lacks it.</summary>
    public int[] RetrievalRowContent { get; }

    /// <summary>Whether the snapshot's graph fingerprint equals the graph's.</summary>
    public bool SameGraph { get; }

    /// <summary>Snapshot user rows whose id the graph no longer has; never returned by retrieval.</summary>
    public IReadOnlySet<int> OrphanUserRows { get; }

    /// <summary>Snapshot content rows whose id the graph no longer has; never returned by retrieval.</summary>
    public IReadOnlySet<int> OrphanContentRows { get; }

    /// <summary>Graph users without an embedding (arrived after the snapshot).</summary>
    public int MissingUsers { get; }

    /// <summary>Graph contents without an embedding.</summary>
    public int MissingContents { get; }

    /// <summary>
    /// Matches every id of <paramref name="graph"/> with <paramref name="snapshot"/>, and with the content rows
    /// appended after it (<paramref name="freshContentIds"/>, numbered after the snapshot's); O(users + contents).
    /// </summary>
    public static SnapshotAlignment Create(SocialGraph graph, EmbeddingSnapshot snapshot, IReadOnlyList<string>? freshContentIds = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(snapshot);
        (int[] userRow, int[] rowUser) = Match(graph.Users, snapshot.UserIds);
        (int[] contentRow, int[] rowContent) = Match(graph.Contents, snapshot.ContentIds);
        (int[] retrievalRow, int[] retrievalContent) = (contentRow, rowContent);
        if (freshContentIds is { Count: > 0 })
        {
            retrievalRow = (int[])contentRow.Clone();
            retrievalContent = new int[rowContent.Length + freshContentIds.Count];
            rowContent.CopyTo(retrievalContent, 0);
            for (int f = 0; f < freshContentIds.Count; f++)
            {
                int row = rowContent.Length + f;
                retrievalContent[row] = graph.Contents.TryGetIndex(freshContentIds[f], out int content) ? content : -1;
                if (retrievalContent[row] >= 0 && retrievalRow[content] < 0)
                {
                    retrievalRow[content] = row;
                }
            }
        }

        return new SnapshotAlignment(userRow, rowUser, contentRow, rowContent,
            graph.Fingerprint == snapshot.Header.GraphFingerprint, retrievalRow, retrievalContent);
    }

    private static HashSet<int> Orphans(int[] rowToGraph) =>
        [.. Enumerable.Range(0, rowToGraph.Length).Where(r => rowToGraph[r] < 0)];

    private static (int[] ToRow, int[] FromRow) Match(IdMap ids, string[] rows)
    {
        var toRow = new int[ids.Count];
        Array.Fill(toRow, -1);
        var fromRow = new int[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            fromRow[r] = ids.TryGetIndex(rows[r], out int index) ? index : -1;
            if (fromRow[r] >= 0)
            {
                toRow[fromRow[r]] = r;
            }
        }

        return (toRow, fromRow);
    }
}
