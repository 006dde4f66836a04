namespace GraphAttn.Serving.Snapshots;

/// <summary>
/// Constants of the embedding snapshot file format (version 3; versions 1 and 2 are still read). The full layout is
/// documented in the project README; every integer and float is little-endian.
/// </summary>
public static class SnapshotFormat
{
    /// <summary>Current format version written by <see cref="SnapshotWriter"/>.</summary>
    public const int Version = 4;

    /// <summary>Oldest format version <see cref="SnapshotReader"/> still reads (1: no friend matrix).</summary>
    public const int OldestReadableVersion = 1;

    /// <summary>File extension of a snapshot, including the dot.</summary>
    public const string Extension = ".gasnap";

    /// <summary>
    /// Bytes of the fixed part of a current header: magic through the history attention count, then the friend structure
    /// weight (float32, version 3 on) and the content filter weight (float32, version 4 on). Older versions lack them, so
    /// theirs is 4 or 8 bytes shorter; every file of any version is still longer than this plus the trailer, so it also
    /// serves as the smallest-file check.
    /// </summary>
    internal const int FixedHeaderLength = 8 + 4 + 4 + 8 + 8 + 4 * 5 + 4 + 4;

    /// <summary>First format version whose header carries the friend structure weight.</summary>
    internal const int FriendStructureWeightVersion = 3;

    /// <summary>First format version whose header carries the content filter weight.</summary>
    internal const int ContentFilterWeightVersion = 4;

    /// <summary>Bytes of the trailer: XxHash64 of everything before it, then the end magic.</summary>
    internal const int TrailerLength = 16;

    /// <summary>Longest id, model id or fingerprint accepted, in UTF-8 bytes; guards allocation on a corrupt length.</summary>
    internal const int MaxStringBytes = 64 * 1024;

    // "\r\n" in the magic catches a file mangled by a text-mode copy.
    internal static ReadOnlySpan<byte> StartMagic => "GASNAP\r\n"u8;

    internal static ReadOnlySpan<byte> EndMagic => "GASNAPOK"u8;
}
