using System.Buffers;
using System.Diagnostics;
using GraphAttn.Neo4j.Errors;
using GraphAttn.Neo4j.PackStream;
using GraphAttn.Neo4j.Protocol;

namespace GraphAttn.Neo4j.Tests.PackStream;

/// <summary>Garbage, truncated and hostile input must fail fast with a protocol error, never hang or over-allocate.</summary>
public sealed class DefensiveDecodingTests
{
    private static void DecodeOrProtocolError(byte[] bytes)
    {
        try
        {
            var reader = new PackStreamReader(bytes);
            while (reader.Remaining > 0)
            {
                reader.ReadValue();
            }
        }
        catch (BoltProtocolException)
        {
            // The only acceptable failure.
        }
    }

    [Fact]
    public void ReadValue_RandomBytes_OnlyProtocolErrors()
    {
        var random = new Random(1234);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            DecodeOrProtocolError(bytes);
        }

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"fuzz took {stopwatch.Elapsed}");
    }

    [Fact]
    public void ReadValue_MutatedCorpusFrames_OnlyProtocolErrors()
    {
        var random = new Random(99);
        var frames = ValueCorpus.All().Where(v => v is not byte[] { Length: > 1000 }).Select(v =>
        {
            var w = new PackStreamWriter();
            w.Write(v);
            return w.WrittenSpan.ToArray();
        }).Where(f => f.Length < 5000).ToArray();
        for (var i = 0; i < 20_000; i++)
        {
            var frame = (byte[])frames[random.Next(frames.Length)].Clone();
            var mutation = random.Next(3);
            if (mutation == 0 && frame.Length > 0)
            {
                frame[random.Next(frame.Length)] = (byte)random.Next(256);
            }
            else if (mutation == 1)
            {
                frame = frame[..random.Next(frame.Length + 1)];
            }
            else if (frame.Length > 0)
            {
                frame[random.Next(frame.Length)] ^= (byte)(1 << random.Next(8));
            }

            DecodeOrProtocolError(frame);
        }
    }

    [Theory]
    [InlineData("d6ffffffff")]
    [InlineData("daffffffff01")]
    [InlineData("d2ffffffff61")]
    [InlineData("ceffffffff")]
    public void ReadValue_HugeDeclaredSize_ThrowsWithoutAllocating(string hex)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<BoltProtocolException>(() => new PackStreamReader(Convert.FromHexString(hex)).ReadValue());
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024);
    }

    [Fact]
    public void ReadValue_NestingBeyondLimit_Throws()
    {
        var bytes = Enumerable.Repeat((byte)0x91, 100).Append((byte)0xC0).ToArray();
        var ex = Assert.Throws<BoltProtocolException>(() => new PackStreamReader(bytes, new PackStreamLimits(MaxDepth: 64)).ReadValue());
        Assert.Contains("nested", ex.Message);
    }

    [Theory]
    [InlineData("b34e01918455736572a0")]
    [InlineData("b1448178")]
    [InlineData("b358c1000000000000000081788179")]
    public void ReadValue_KnownStructureMalformed_Throws(string hex) =>
        Assert.Throws<BoltProtocolException>(() => new PackStreamReader(Convert.FromHexString(hex)).ReadValue());

    [Fact]
    public async Task ReadMessageAsync_StreamEndsMidMessage_ThrowsServiceUnavailable()
    {
        var reader = new MessageReader(new MemoryStream(Convert.FromHexString("0004b1710102")), 1024);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<ServiceUnavailableException>(() => reader.ReadMessageAsync(cts.Token).AsTask());
    }

    [Fact]
    public async Task ReadMessageAsync_MessageOverLimit_ThrowsProtocolError()
    {
        var framed = new ArrayBufferWriter<byte>();
        ChunkWriter.WriteMessage(new byte[5000], framed, maxChunk: 1000);
        var reader = new MessageReader(new MemoryStream(framed.WrittenSpan.ToArray()), maxMessageBytes: 4096);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<BoltProtocolException>(() => reader.ReadMessageAsync(cts.Token).AsTask());
    }

    [Fact]
    public async Task ReadMessageAsync_RandomChunkedGarbage_OnlyExpectedErrors()
    {
        var random = new Random(7);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 2_000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            var reader = new MessageReader(new MemoryStream(bytes), maxMessageBytes: 1 << 16, bufferSize: 32);
            try
            {
                while (true)
                {
                    var message = await reader.ReadMessageAsync(cts.Token);
                    BoltResponse.Decode(message.Span, PackStreamLimits.Default);
                }
            }
            catch (Neo4jException e) when (e is BoltProtocolException or ServiceUnavailableException)
            {
                // Expected: garbage is rejected or the stream runs out.
            }
        }
    }
}
