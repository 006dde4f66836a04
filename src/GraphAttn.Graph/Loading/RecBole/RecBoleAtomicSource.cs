namespace GraphAttn.Graph.Loading.RecBole;

/// <summary>
/// Loads RecBole atomic files from a folder: exactly one <c>*.inter</c> (required), and optionally <c>*.user</c>,
/// <c>*.item</c> and RecBole-GNN's social <c>*.net</c>. Field names follow RecBole's defaults:
/// <list type="bullet">
/// <item>.inter: <c>user_id</c>, <c>item_id</c>, optional <c>rating</c> or <c>weight</c> (interaction weight,
/// default 1), <c>timestamp</c> (seconds, default 0) and <c>kind</c> (view, like, comment, share, play; default
/// view). Every row is one interaction.</item>
/// <item>.user: <c>user_id</c>, optional name field (first field whose name holds "name").</item>
/// <item>.item: <c>item_id</c>, optional title (first field whose name holds "title" or "name"); every other
/// token_seq field lists topic tokens separated by spaces (e.g. ml-100k's <c>class</c>), each becoming a topic.</item>
/// <item>.net: <c>source_id</c>, <c>target_id</c>: one FOLLOWS edge source -> target per row.</item>
/// </list>
/// Users and items that appear only in .inter or .net are added on first sight, as RecBole allows.
/// Ids are kept as given. Malformed files fail with file, line and problem.
/// </summary>
/// <param name="folder">Folder holding the atomic files.</param>
public sealed class RecBoleAtomicSource(string folder) : IGraphSource
{
    /// <inheritdoc />
    public string Describe => $"recbole:{folder}";

    /// <summary>True when <paramref name="path"/> holds exactly one .inter file.</summary>
    public static bool Recognizes(string path) =>
        Directory.Exists(path) && Directory.GetFiles(path, "*.inter").Length == 1;

    /// <inheritdoc />
    public Task<SocialGraph> LoadAsync(IProgress<GraphLoadProgress>? progress, CancellationToken ct) =>
        Task.Run(() => Load(progress, ct), ct);

    /// <summary>Synchronous load.</summary>
    public SocialGraph Load(IProgress<GraphLoadProgress>? progress = null, CancellationToken ct = default)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"RecBole folder '{folder}' does not exist.");
        var inters = Directory.GetFiles(folder, "*.inter");
        if (inters.Length != 1)
            throw new GraphDataException(folder, 0, $"expected exactly one .inter file, found {inters.Length}");
        var nodes = new AtomicNodes();
        if (Optional("*.user") is { } userFile) nodes.ReadUsers(userFile, ct);
        if (Optional("*.item") is { } itemFile) nodes.ReadItems(itemFile, ct);
        var inter = new AtomicInteractions(new TabFile(inters[0]));
        inter.Read(nodes, ct);
        progress?.Report(new GraphLoadProgress(Path.GetFileName(inters[0]), inter.Count, true));
        var net = Optional("*.net") is { } netFile ? AtomicNodes.ReadEdges(netFile, nodes, ct) : [];
        return nodes.Build(inter, net);
    }

    private TabFile? Optional(string pattern)
    {
        var files = Directory.GetFiles(folder, pattern);
        return files.Length switch
        {
            0 => null,
            1 => new TabFile(files[0]),
            _ => throw new GraphDataException(folder, 0, $"expected at most one {pattern} file, found {files.Length}"),
        };
    }
}
