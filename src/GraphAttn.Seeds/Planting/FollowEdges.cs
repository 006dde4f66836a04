namespace GraphAttn.Seeds.Planting;

/// <summary>Planted FOLLOWS edges grouped by follower: user u follows <c>Targets[Offsets[u]..Offsets[u+1]]</c>.</summary>
internal sealed class FollowEdges(int[] offsets, int[] targets, long[] since)
{
    public int[] Offsets { get; } = offsets;
    public int[] Targets { get; } = targets;

    /// <summary>Epoch ms the follow started; between both users' join times and the window start.</summary>
    public long[] Since { get; } = since;

    public int Count => Targets.Length;

    public ReadOnlySpan<int> Followees(int user) => Targets.AsSpan(Offsets[user], Offsets[user + 1] - Offsets[user]);
}
