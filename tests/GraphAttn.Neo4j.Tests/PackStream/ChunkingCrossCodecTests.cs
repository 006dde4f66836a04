using System.Buffers;
using System.Text.Json.Nodes;
using GraphAttn.Neo4j.PackStream;
using GraphAttn.Neo4j.Protocol;
using GraphAttn.Neo4j.Tests.Support;
using GraphAttn.Neo4j.Values;
using GraphAttn.Tests.Shared.Bolt;

namespace GraphAttn.Neo4j.Tests.PackStream;

/// <summary>Whole chunked Bolt messages exchanged with the JavaScript Chunker/Dechunker.</summary>
public sealed class ChunkingCrossCodecTests
{
    private static readonly UnknownStructure[] Messages =
    [
        new(MessageSignature.Run, ["MATCH (u:User) RETURN u.id AS id", new Dictionary<string, object?> { ["limit"] = 10L }, new Dictionary<string, object?>()]),
        new(MessageSignature.Pull, [new Dictionary<string, object?> { ["n"] = 1000L, ["qid"] = 7L }]),
        new(MessageSignature.Record, [new object?[] { "u000001", new string('x', 5000), Enumerable.Range(0, 3000).Select(i => (object?)(double)i).ToArray() }]),
        new(MessageSignature.Reset, []),
    ];

    [Theory]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(65535)]
    public void WriteMessage_SmallAndLargeChunks_JsDechunksSameMessages(int maxChunk)
    {
        var framed = new ArrayBufferWriter<byte>();
        var packer = new PackStreamWriter();
        foreach (var message in Messages)
        {
            packer.Clear();
            packer.Write(message);
            ChunkWriter.WriteMessage(packer.WrittenSpan, framed, maxChunk);
            ChunkWriter.WriteNoop(framed);
        }

        var reply = JsOracle.Call(new JsonObject { ["op"] = "dechunk", ["hex"] = Convert.ToHexStringLower(framed.WrittenSpan) });
        var decoded = reply["messages"]!.AsArray();
        Assert.Equal(Messages.Length, decoded.Count);
        for (var i = 0; i < Messages.Length; i++)
        {
            Assert.Equal(JsOracle.Canonical(TaggedJson.FromValue(Messages[i])), JsOracle.Canonical(decoded[i]));
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(1400)]
    public async Task ReadMessageAsync_JsChunkedStream_SameMessages(int jsBufferSize)
    {
        var request = new JsonObject
        {
            ["op"] = "chunk",
            ["bufferSize"] = jsBufferSize,
            ["messages"] = new JsonArray(Messages.Select(TaggedJson.FromValue).ToArray()),
        };
        var bytes = Convert.FromHexString((string)JsOracle.Call(request)["hex"]!);
        var reader = new MessageReader(new MemoryStream(bytes), 1 << 20, bufferSize: 64);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        foreach (var expected in Messages)
        {
            var message = await reader.ReadMessageAsync(cts.Token);
            var value = new PackStreamReader(message.Span).ReadValue();
            Assert.Equal(JsOracle.Canonical(TaggedJson.FromValue(expected)), JsOracle.Canonical(TaggedJson.FromValue(value)));
        }
    }
}
