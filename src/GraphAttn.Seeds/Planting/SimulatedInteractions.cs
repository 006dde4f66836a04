namespace GraphAttn.Seeds.Planting;

/// <summary>Planted INTERACTED edges in global time order (ties in user order).</summary>
internal sealed class SimulatedInteractions(long[] timestamps, int[] users, int[] contents, byte[] kinds, long socialCount)
{
    /// <summary>Epoch ms, ascending.</summary>
    public long[] Timestamps { get; } = timestamps;
    public int[] Users { get; } = users;
    public int[] Contents { get; } = contents;

    /// <summary>Each interaction's <see cref="Graph.InteractionKind"/> value (drawn by <see cref="KindMix"/>).</summary>
    public byte[] Kinds { get; } = kinds;

    /// <summary>How many interactions copied a followee's recent item.</summary>
    public long SocialCount { get; } = socialCount;

    public int Count => Users.Length;
}
