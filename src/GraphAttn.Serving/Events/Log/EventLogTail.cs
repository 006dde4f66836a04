using GraphAttn.Graph.Live;

namespace GraphAttn.Serving.Events.Log;

/// <summary>
/// Follows a log file another process appends to: each <see cref="ReadNew"/> returns the whole records written since
/// the last call. A record still being written is left for the next call; a damaged record stops the tail there
/// (reported in <see cref="Problem"/>) until the file's owner cuts it off on its next start.
/// </summary>
public sealed class EventLogTail(string path)
{
    /// <summary>The file followed.</summary>
    public string Path { get; } = path;

    /// <summary>Bytes consumed so far (the header included).</summary>
    public long Offset { get; private set; }

    /// <summary>Records read so far.</summary>
    public long Records { get; private set; }

    /// <summary>Why the tail cannot move on, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The whole records appended since the last call (none when the file has not grown or is missing).</summary>
    public IReadOnlyList<GraphEvent> ReadNew()
    {
        byte[] bytes;
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < Offset)
            {
                // The owner cut a torn tail we had not read past; records before it are unchanged.
                Offset = Math.Min(Offset, stream.Length);
            }

            if (stream.Length == Offset)
            {
                return [];
            }

            stream.Position = Offset;
            bytes = new byte[stream.Length - Offset];
            stream.ReadExactly(bytes);
        }
        catch (FileNotFoundException)
        {
            return [];
        }

        int at = 0;
        if (Offset == 0)
        {
            switch (EventLogFile.HasHeader(bytes))
            {
                case null:
                    return [];
                case false:
                    Problem = "the header is not an event log's";
                    return [];
            }

            at = EventLogFile.HeaderBytes;
        }

        var events = new List<GraphEvent>();
        while (at < bytes.Length)
        {
            RecordStatus status = EventRecord.TryRead(bytes.AsSpan(at), out GraphEvent? e, out int length);
            if (status == RecordStatus.Incomplete)
            {
                break;
            }

            if (status == RecordStatus.Corrupt)
            {
                Problem = $"a damaged record at byte {Offset + at}";
                break;
            }

            events.Add(e!);
            at += length;
        }

        if (events.Count > 0)
        {
            Problem = null;
        }

        Offset += at;
        Records += events.Count;
        return events;
    }
}
