using GraphAttn.Graph.Live;

namespace GraphAttn.Serving.Events.Log;

/// <summary>What a scan of a log file found.</summary>
/// <param name="Events">The whole records, in file order.</param>
/// <param name="ValidBytes">Bytes up to the end of the last whole record (the header included).</param>
/// <param name="FileBytes">Bytes in the file.</param>
/// <param name="Problem">Why the bytes after <paramref name="ValidBytes"/> are not records; null when there are none.</param>
public sealed record LogScan(IReadOnlyList<GraphEvent> Events, long ValidBytes, long FileBytes, string? Problem)
{
    /// <summary>Whether bytes follow the last whole record.</summary>
    public bool HasBadTail => FileBytes > ValidBytes;
}

/// <summary>
/// An event log file: a 16-byte header (<c>GAEVLOG</c>, a zero byte, u32 format version, u32 reserved) followed by
/// <see cref="EventRecord"/>s. Files are named <c>&lt;replica&gt;.galog</c>; each is appended to by one process only.
/// </summary>
public static class EventLogFile
{
    /// <summary>File name extension.</summary>
    public const string Extension = ".galog";

    /// <summary>Header size.</summary>
    public const int HeaderBytes = 16;

    private const uint Version = 1;

    private static readonly byte[] Magic = "GAEVLOG\0"u8.ToArray();

    /// <summary>The header of a new file.</summary>
    public static byte[] Header()
    {
        var header = new byte[HeaderBytes];
        Magic.CopyTo(header, 0);
        BitConverter.TryWriteBytes(header.AsSpan(8), Version);
        return header;
    }

    /// <summary>Whether <paramref name="bytes"/> start with a valid header (null when too short to tell).</summary>
    public static bool? HasHeader(ReadOnlySpan<byte> bytes) =>
        bytes.Length < HeaderBytes ? null : bytes[..8].SequenceEqual(Magic) && BitConverter.ToUInt32(bytes[8..12]) == Version;

    /// <summary>
    /// Reads every whole record of <paramref name="path"/>. A torn or damaged record ends the scan: it and everything
    /// after it are reported in <see cref="LogScan.Problem"/> (a log is appended in order, so nothing after a bad record
    /// can be trusted to follow it).
    /// </summary>
    public static LogScan Scan(string path)
    {
        byte[] bytes = ReadShared(path);
        if (bytes.Length == 0)
        {
            return new LogScan([], 0, 0, null);
        }

        if (HasHeader(bytes) is not true)
        {
            return new LogScan([], 0, bytes.Length, bytes.Length < HeaderBytes ? "the header is incomplete" : "the header is not an event log's");
        }

        var events = new List<GraphEvent>();
        int at = HeaderBytes;
        string? problem = null;
        while (at < bytes.Length)
        {
            RecordStatus status = EventRecord.TryRead(bytes.AsSpan(at), out GraphEvent? e, out int length);
            if (status != RecordStatus.Complete)
            {
                problem = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{(status == RecordStatus.Incomplete ? "a torn record" : "a damaged record")} at byte {at}, {bytes.Length - at} bytes cut off");
                break;
            }

            events.Add(e!);
            at += length;
        }

        return new LogScan(events, at, bytes.Length, problem);
    }

    /// <summary>Reads a file other processes may be appending to.</summary>
    internal static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The replica name of a log file (its file name without extension).</summary>
    public static string ReplicaOf(string path) => Path.GetFileNameWithoutExtension(path);
}
