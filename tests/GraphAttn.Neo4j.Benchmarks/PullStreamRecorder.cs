using System.Buffers;
using GraphAttn.Neo4j.PackStream;
using GraphAttn.Neo4j.Protocol;

namespace GraphAttn.Neo4j.Benchmarks;

/// <summary>
/// Writes the bytes a server sends for a PULL-paged interaction query: the RUN reply, then per batch of
/// <c>fetchSize</c> records the RECORD messages and a SUCCESS with has_more, then the final SUCCESS. Rows look
/// like the graph source's interaction rows: [userId, contentId, kind, ts, weight]. Deterministic (seeded).
/// </summary>
internal static class PullStreamRecorder
{
    private static readonly string[] Kinds = ["view", "like", "comment", "share", "play"];

    public static byte[] Record(int records, int fetchSize, int seed = 42)
    {
        var random = new Random(seed);
        var output = new ArrayBufferWriter<byte>(records * 48);
        var packer = new PackStreamWriter();
        void Send(byte signature, object? field)
        {
            packer.Clear();
            packer.WriteStructHeader(1, signature);
            packer.Write(field);
            ChunkWriter.WriteMessage(packer.WrittenSpan, output);
        }

        Send(MessageSignature.Success, new Dictionary<string, object?> { ["fields"] = new[] { "from", "to", "kind", "ts", "weight" }, ["t_first"] = 1L });
        for (var i = 0; i < records; i++)
        {
            Send(MessageSignature.Record, new object?[]
            {
                $"u{random.Next(1, 100_000):D6}", $"c{random.Next(1, 1_000_000):D7}", Kinds[random.Next(Kinds.Length)],
                1_700_000_000_000L + random.Next(), Math.Round(random.NextDouble() * 5, 2),
            });
            if ((i + 1) % fetchSize == 0 && i + 1 < records)
            {
                Send(MessageSignature.Success, new Dictionary<string, object?> { ["has_more"] = true });
            }
        }

        Send(MessageSignature.Success, new Dictionary<string, object?> { ["type"] = "r", ["t_last"] = 5L, ["db"] = "neo4j" });
        return output.WrittenSpan.ToArray();
    }
}
