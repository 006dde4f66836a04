namespace GraphAttn.Model.Inference;

/// <summary>
/// Assigns block-local indices 0, 1, ... to global node indices in first-seen order, so a block's tensors hold only
/// the rows it touches. Index -1 stands for a placeholder node without a global index (no weight row).
/// </summary>
internal sealed class LocalNodes
{
    private readonly Dictionary<int, int> local = [];
    private readonly List<int> globals = [];

    /// <summary>Global index of each local node, in local order.</summary>
    public IReadOnlyList<int> Globals => globals;

    /// <summary>Number of local nodes.</summary>
    public int Count => globals.Count;

    /// <summary>The local index of <paramref name="global"/>, added if new.</summary>
    public int Add(int global)
    {
        if (local.TryGetValue(global, out var index)) return index;
        index = globals.Count;
        local.Add(global, index);
        globals.Add(global);
        return index;
    }

    /// <summary>Adds a node with no global index (a padding row that keeps tensors non-empty).</summary>
    public void AddPlaceholder() => globals.Add(-1);
}
