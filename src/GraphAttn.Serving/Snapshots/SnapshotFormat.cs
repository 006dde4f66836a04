namespace GraphAttn.Serving.Snapshots;

/// <summary>
/// Constants of the embedding snapshot file format (version 2; version 1 is still read). The full layout is documented
/// in the project README; every integer and float is little-endian.
/// </summary>
public static class SnapshotFormat
{
    /// <summary>Current format version written by <see cref="SnapshotWriter"/>.</summary>
    public const int Version = 2;

    /// <summary>Oldest format version <see cref="SnapshotReader"/> still reads (1: no friend matrix).</summary>
    public const int OldestReadableVersion = 1;

    /// <summary>File extension of a snapshot, including the dot.</summary>
    public const string Extension = ".gasnap";

    /// <summary>Bytes of the fixed part of the header (magic through the history attention count).</summary>
    internal const int FixedHeaderLength = 8 + 4 + 4 + 8 + 8 + 4 * 5;

    /// <summary>Bytes of the trailer: XxHash64 of everything before it, then the end magic.</summary>
    internal const int TrailerLength = 16;

    /// <summary>Longest id, model id or fingerprint accepted, in UTF-8 bytes; guards allocation on a corrupt length.</summary>
    internal const int MaxStringBytes = 64 * 1024;

    // "\r\n" in the magic catches a file mangled by a text-mode copy.
    internal static ReadOnlySpan<byte> StartMagic => "GASNAP\r\n"u8;

    internal static ReadOnlySpan<byte> EndMagic => "GASNAPOK"u8;
}
