using System.Buffers.Binary;
using System.IO.Hashing;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Tests.Support;

/// <summary>
/// Bytes of a snapshot in an older format version, derived from the current writer's output by removing what the
/// newer versions added and redoing the version, length and checksum, as an old writer would have produced them.
/// </summary>
internal static class OlderSnapshotBytes
{
    /// <summary>Offset of the friend structure weight added in version 3 (right after the five counts).</summary>
    private const int WeightOffset = 52;

    /// <summary>Offset of the content filter weight added in version 4 (right after the friend structure weight).</summary>
    private const int FilterWeightOffset = WeightOffset + 4;

    /// <summary>Version 3: the current layout without the content filter weight.</summary>
    public static byte[] Version3(EmbeddingSnapshot snapshot)
    {
        byte[] current = TestSnapshots.ToBytes(snapshot);
        byte[] body = [.. current.AsSpan(0, FilterWeightOffset), .. current.AsSpan(FilterWeightOffset + 4, current.Length - 16 - FilterWeightOffset - 4)];
        return Seal(body, 3);
    }

    /// <summary>Version 2: the version 3 layout without the friend structure weight.</summary>
    public static byte[] Version2(EmbeddingSnapshot snapshot)
    {
        byte[] v3 = Version3(snapshot);
        byte[] body = [.. v3.AsSpan(0, WeightOffset), .. v3.AsSpan(WeightOffset + 4, v3.Length - 16 - WeightOffset - 4)];
        return Seal(body, 2);
    }

    /// <summary>Version 1: the version 2 layout without the friend matrix.</summary>
    public static byte[] Version1(EmbeddingSnapshot snapshot)
    {
        byte[] v2 = Version2(snapshot);
        int users = snapshot.UserIds.Length;
        int attention = 4 * (2 * (users + 1) + 2 * snapshot.FriendAttention.Targets.Length + 2 * snapshot.HistoryAttention.Targets.Length);
        int friendBytes = 4 * snapshot.FriendVectors.Data.Length;
        int friendStart = v2.Length - 16 - attention - friendBytes;
        byte[] body = [.. v2.AsSpan(0, friendStart), .. v2.AsSpan(friendStart + friendBytes, attention)];
        return Seal(body, 1);
    }

    /// <summary>Current-version bytes of <paramref name="snapshot"/> with the structure weight's bits replaced, resealed.</summary>
    public static byte[] WithWeightBits(EmbeddingSnapshot snapshot, float weight)
    {
        byte[] current = TestSnapshots.ToBytes(snapshot);
        byte[] body = current.AsSpan(0, current.Length - 16).ToArray();
        BinaryPrimitives.WriteSingleLittleEndian(body.AsSpan(WeightOffset), weight);
        return Seal(body, SnapshotFormat.Version);
    }

    private static byte[] Seal(byte[] body, int version)
    {
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(8), version);
        BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(16), body.Length + 16);
        var trailer = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(trailer, XxHash64.HashToUInt64(body));
        "GASNAPOK"u8.CopyTo(trailer.AsSpan(8));
        return [.. body, .. trailer];
    }
}
