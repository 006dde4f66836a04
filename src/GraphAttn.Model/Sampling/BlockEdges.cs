namespace GraphAttn.Model.Sampling;

/// <summary>
/// The in-edges one relation contributes to a block, grouped by target: target <c>t</c> (a position in the block's
/// target list) receives edges from the global source indices <c>Sources[Offsets[t]..Offsets[t+1]]</c>, ascending.
/// </summary>
public sealed class BlockEdges
{
    /// <summary>Wraps prepared arrays (no copy).</summary>
    /// <exception cref="ArgumentException">Offsets do not start at 0 or do not end at the number of sources.</exception>
    public BlockEdges(int[] offsets, int[] sources)
    {
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != sources.Length)
            throw new ArgumentException($"offsets must start at 0 and end at {sources.Length}");
        Offsets = offsets;
        Sources = sources;
    }

    /// <summary>[targets + 1] edge starts.</summary>
    public int[] Offsets { get; }

    /// <summary>[E] global source index of each edge.</summary>
    public int[] Sources { get; }

    /// <summary>Number of targets.</summary>
    public int TargetCount => Offsets.Length - 1;

    /// <summary>Number of edges E.</summary>
    public int EdgeCount => Sources.Length;

    /// <summary>Sources of the <paramref name="target"/>-th target.</summary>
    public ReadOnlySpan<int> Of(int target) => Sources.AsSpan(Offsets[target], Offsets[target + 1] - Offsets[target]);
}
