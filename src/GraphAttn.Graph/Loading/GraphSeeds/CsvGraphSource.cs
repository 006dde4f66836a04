namespace GraphAttn.Graph.Loading.GraphSeeds;

/// <summary>
/// Loads a graph-seeds folder (see <see cref="SeedFiles"/>): node files first, then relationships. Any malformed row
/// (bad header, wrong field count, unknown or duplicate id, bad number) aborts the whole load with a
/// <see cref="GraphDataException"/> naming file, line and problem; nothing partial is returned.
/// </summary>
/// <param name="folder">The folder holding the CSV files.</param>
public sealed class CsvGraphSource(string folder) : IGraphSource
{
    /// <inheritdoc />
    public string Describe => $"csv:{folder}";

    /// <inheritdoc />
    public Task<SocialGraph> LoadAsync(IProgress<GraphLoadProgress>? progress, CancellationToken ct) =>
        Task.Run(() => Load(progress, ct), ct);

    /// <summary>Synchronous load, for tools and tests.</summary>
    public SocialGraph Load(IProgress<GraphLoadProgress>? progress = null, CancellationToken ct = default)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Graph folder '{folder}' does not exist.");
        var users = Path.Combine(folder, SeedFiles.Users);
        if (!File.Exists(users)) throw new GraphDataException(users, 0, "file is missing; a graph-seeds folder needs at least users.csv");

        var b = new GraphBuilder();
        Read(SeedFiles.Users, progress, ct, (r, h) =>
        {
            int id = h.Role("ID", "User"), name = h.Property("name", PropertyType.String, false);
            return () => b.AddUser(r.String(id), r.String(name));
        });
        Read(SeedFiles.Contents, progress, ct, (r, h) =>
        {
            int id = h.Role("ID", "Content"), title = h.Property("title", PropertyType.String, false);
            return () => b.AddContent(r.String(id), r.String(title));
        });
        Read(SeedFiles.Topics, progress, ct, (r, h) =>
        {
            int id = h.Role("ID", "Topic"), name = h.Property("name", PropertyType.String, false);
            return () => b.AddTopic(r.String(id), r.String(name));
        });
        // Relationship kinds go to disjoint builder buffers and only read the (now complete) id maps, so the big
        // interactions file is parsed on one core while follows, posts and tags are parsed on the other.
        Concurrently.Run(
            () =>
            {
                Read(SeedFiles.Interactions, progress, ct, (r, h) =>
                {
                    int s = h.Role("START_ID", "User"), e = h.Role("END_ID", "Content");
                    int kind = h.Property("kind", PropertyType.String, true), ts = h.Property("ts", PropertyType.Long, true);
                    int weight = h.Property("weight", PropertyType.Float, false);
                    return () =>
                    {
                        if (!InteractionKinds.TryParse(r.Span(kind), out var k))
                            throw r.Error($"column 'kind': '{r.Span(kind)}' is not one of view, like, comment, share, play");
                        b.AddInteraction(r.Span(s), r.Span(e), k, r.Long(ts), r.Float(weight, 1f));
                    };
                });
            },
            () =>
            {
                Read(SeedFiles.Follows, progress, ct, (r, h) =>
                {
                    int s = h.Role("START_ID", "User"), e = h.Role("END_ID", "User"), since = h.Property("since", PropertyType.Long, false);
                    return () => b.AddFollow(r.Span(s), r.Span(e), r.Long(since));
                });
                Read(SeedFiles.Posted, progress, ct, (r, h) =>
                {
                    int s = h.Role("START_ID", "User"), e = h.Role("END_ID", "Content"), ts = h.Property("ts", PropertyType.Long, false);
                    return () => b.AddPosted(r.Span(s), r.Span(e), r.Long(ts));
                });
                Read(SeedFiles.Tagged, progress, ct, (r, h) =>
                {
                    int s = h.Role("START_ID", "Content"), e = h.Role("END_ID", "Topic");
                    return () => b.AddTagged(r.Span(s), r.Span(e));
                });
            });
        return b.Build();
    }

    // Binds columns once from the header, then runs the row action per record; builder errors gain file and line.
    private void Read(string name, IProgress<GraphLoadProgress>? progress, CancellationToken ct,
        Func<CsvRows, CsvHeader, Action> bind)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path)) return;
        using var rows = new CsvRows(path, progress);
        var row = bind(rows, rows.Header);
        while (rows.Read(ct))
        {
            try { row(); }
            catch (GraphDataException ex) when (ex.File is null) { throw rows.Error(ex.Problem, ex); }
        }
    }
}
