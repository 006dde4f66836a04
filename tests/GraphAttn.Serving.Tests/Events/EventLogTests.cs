using GraphAttn.Graph;
using GraphAttn.Graph.Live;
using GraphAttn.Serving.Events.Log;

namespace GraphAttn.Serving.Tests.Events;

public class EventLogTests
{
    [Fact]
    public async Task Append_EveryKind_ReadsBackAsWritten()
    {
        using var folder = new TempFolder();
        string path = folder.File("a.galog");
        GraphEvent[] events =
        [
            new() { EventId = "i1", Kind = GraphEventKind.Interaction, UserId = "ann", TargetId = "m1", Interaction = InteractionKind.Share, TimestampMs = 1234, Weight = 2.5f },
            new() { EventId = "f1", Kind = GraphEventKind.Follow, UserId = "ann", TargetId = "bo", TimestampMs = -5 },
            new() { EventId = "x1", Kind = GraphEventKind.Unfollow, UserId = "ann", TargetId = "bo", TimestampMs = long.MaxValue },
            new() { EventId = "u1", Kind = GraphEventKind.User, UserId = "zoë", Name = "Zoë «Z»" },
            new() { EventId = "c1", Kind = GraphEventKind.Content, TargetId = "n1", UserId = "zoë", Name = "News", Topics = ["t1", "t2"], TopicNames = ["One", ""] },
        ];
        await using (var log = EventLogWriter.Open(path))
        {
            long[] sequences = await Task.WhenAll(events.Select(log.AppendAsync)).Within();
            Assert.Equal([1, 2, 3, 4, 5], sequences.Order());
        }

        LogScan scan = EventLogFile.Scan(path);
        Assert.Null(scan.Problem);
        Assert.Equal(events.Length, scan.Events.Count);
        foreach (GraphEvent e in events)
        {
            GraphEvent read = scan.Events.Single(r => r.EventId == e.EventId);
            Assert.Equal(e with { Sequence = read.Sequence, Topics = read.Topics, TopicNames = read.TopicNames }, read);
            Assert.Equal(e.Topics, read.Topics);
        }
    }

    [Fact]
    public async Task Open_TornTail_IsCutOffAndReportedAndAppendsGoOn()
    {
        using var folder = new TempFolder();
        string path = folder.File("a.galog");
        await using (var log = EventLogWriter.Open(path))
        {
            for (int i = 0; i < 5; i++) await log.AppendAsync(Interaction($"e{i}")).Within();
        }

        long whole = new FileInfo(path).Length;
        // A crash mid-write: the start of a sixth record.
        byte[] record = Record(Interaction("e5"));
        await using (var file = new FileStream(path, FileMode.Append))
        {
            await file.WriteAsync(record.AsMemory(0, record.Length - 3));
        }

        await using (var reopened = EventLogWriter.Open(path))
        {
            Assert.Equal(5, reopened.Opened.Events.Count);
            Assert.Contains("torn record", reopened.Opened.Problem);
            Assert.Equal(whole, new FileInfo(path).Length);
            Assert.Equal(6, await reopened.AppendAsync(Interaction("e6")).Within());
        }

        Assert.Equal(["e0", "e1", "e2", "e3", "e4", "e6"], EventLogFile.Scan(path).Events.Select(e => e.EventId));
    }

    [Fact]
    public async Task Scan_DamagedRecord_StopsThereAndSaysWhere()
    {
        using var folder = new TempFolder();
        string path = folder.File("a.galog");
        await using (var log = EventLogWriter.Open(path))
        {
            for (int i = 0; i < 3; i++) await log.AppendAsync(Interaction($"e{i}")).Within();
        }

        byte[] bytes = await File.ReadAllBytesAsync(path);
        int second = EventLogFile.HeaderBytes + Record(Interaction("e0")).Length;
        bytes[second + EventRecord.HeaderBytes + 5] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);

        LogScan scan = EventLogFile.Scan(path);
        Assert.Equal(["e0"], scan.Events.Select(e => e.EventId));
        Assert.Contains($"damaged record at byte {second}", scan.Problem);
    }

    [Fact]
    public async Task Append_ManyConcurrentCallers_ShareFsyncs()
    {
        using var folder = new TempFolder();
        await using var log = EventLogWriter.Open(folder.File("a.galog"));
        long[] sequences = await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => Task.Run(() => log.AppendAsync(Interaction($"e{i}"))))).Within();

        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), sequences.Order());
        Assert.True(log.Commits < 2000, $"{log.Commits} fsyncs for 2000 appends: no group commit");
        Assert.Equal(2000, EventLogFile.Scan(log.Path).Events.Count);
    }

    [Fact]
    public async Task Open_SecondWriterOnOneFile_IsRefused()
    {
        using var folder = new TempFolder();
        await using var first = EventLogWriter.Open(folder.File("a.galog"));
        Assert.ThrowsAny<IOException>(() => EventLogWriter.Open(folder.File("a.galog")));
    }

    [Fact]
    public async Task Append_PastTheSizeLimit_AsksToRetryLater()
    {
        using var folder = new TempFolder();
        await using var spool = EventLogWriter.Open(folder.File("s.galog"), maxBytes: 400);
        await spool.AppendAsync(Interaction("e0")).Within();
        var full = Assert.Throws<RetryLaterException>(() =>
        {
            for (int i = 1; i < 100; i++) _ = spool.AppendAsync(Interaction($"e{i}"));
        });
        Assert.True(full.RetryAfter > TimeSpan.Zero);
        Assert.True(new FileInfo(spool.Path).Length <= 400);
        await spool.TruncateAsync().Within();
        Assert.Equal(EventLogFile.HeaderBytes, new FileInfo(spool.Path).Length);
    }

    [Fact]
    public async Task Tail_ReadsWhatIsAppendedAndLeavesAPartialRecordForLater()
    {
        using var folder = new TempFolder();
        string path = folder.File("a.galog");
        var tail = new EventLogTail(path);
        Assert.Empty(tail.ReadNew());
        await using (var log = EventLogWriter.Open(path))
        {
            await log.AppendAsync(Interaction("e0")).Within();
            Assert.Equal(["e0"], tail.ReadNew().Select(e => e.EventId));
            Assert.Empty(tail.ReadNew());
            await log.AppendAsync(Interaction("e1")).Within();
        }

        byte[] partial = Record(Interaction("e2"));
        await using (var file = new FileStream(path, FileMode.Append))
        {
            await file.WriteAsync(partial.AsMemory(0, 10));
        }

        Assert.Equal(["e1"], tail.ReadNew().Select(e => e.EventId));
        await using (var file = new FileStream(path, FileMode.Append))
        {
            await file.WriteAsync(partial.AsMemory(10));
        }

        Assert.Equal(["e2"], tail.ReadNew().Select(e => e.EventId));
        Assert.Null(tail.Problem);
    }

    [Fact]
    public void Window_RemembersTheLastIdsOnly()
    {
        var window = new Serving.Events.EventIdWindow(3);
        Assert.True(window.Add("a"));
        Assert.False(window.Add("a"));
        window.Add("b");
        window.Add("c");
        window.Add("d");
        Assert.False(window.Contains("a"));
        Assert.True(window.Contains("b") && window.Contains("d"));
        Assert.Equal(3, window.Count);
    }

    private static GraphEvent Interaction(string id) =>
        new() { EventId = id, Kind = GraphEventKind.Interaction, UserId = "ann", TargetId = "m1", Interaction = InteractionKind.View, TimestampMs = 1000 };

    private static byte[] Record(GraphEvent e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        EventRecord.Write(e, 99, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
