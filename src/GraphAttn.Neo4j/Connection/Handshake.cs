using System.Buffers.Binary;
using GraphAttn.Neo4j.Errors;
using GraphAttn.Neo4j.Protocol;

namespace GraphAttn.Neo4j.Connection;

/// <summary>
/// The Bolt handshake: magic <c>60 60 B0 17</c> and four proposals. We propose the manifest form (Bolt 5.7+ and
/// 6.0 servers then list their version ranges) and the range 5.8 down to 5.0 for servers without manifests.
/// </summary>
internal static class Handshake
{
    private const int MaxManifestRanges = 64;

    /// <summary>The 20 bytes the client sends first.</summary>
    public static byte[] ClientHello { get; } =
    [
        0x60, 0x60, 0xB0, 0x17,
        0x00, 0x00, 0x01, 0xFF, // manifest v1
        0x00, 0x08, 0x08, 0x05, // 5.8 and the 8 minors below it
        0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00,
    ];

    public static async Task<BoltVersion> NegotiateAsync(Stream stream, MessageReader reader, CancellationToken ct)
    {
        await stream.WriteAsync(ClientHello, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
        var reply = await reader.ReadRawAsync(4, ct).ConfigureAwait(false);
        if (reply.AsSpan().SequenceEqual("HTTP"u8))
        {
            throw new ServiceUnavailableException("The server answered with HTTP: the URI points at the HTTP port, not Bolt (usually 7687).");
        }

        if (reply is [0, 0, 1, 0xFF])
        {
            return await NegotiateManifestAsync(stream, reader, ct).ConfigureAwait(false);
        }

        var version = new BoltVersion(reply[3], reply[2]);
        if (reply[0] != 0 || reply[1] != 0 || !BoltVersion.Supported.Contains(version))
        {
            throw new ServiceUnavailableException(reply.All(b => b == 0)
                ? "The server supports none of the proposed Bolt versions (5.0-5.8, 6.0)."
                : $"The server chose an unsupported Bolt version {Convert.ToHexString(reply)}.");
        }

        return version;
    }

    private static async Task<BoltVersion> NegotiateManifestAsync(Stream stream, MessageReader reader, CancellationToken ct)
    {
        var count = await ReadVarIntAsync(reader, ct).ConfigureAwait(false);
        if (count > MaxManifestRanges)
        {
            throw new BoltProtocolException($"Handshake manifest lists {count} ranges (limit {MaxManifestRanges}).");
        }

        var offered = new List<BoltVersion>();
        for (var i = 0; i < (int)count; i++)
        {
            var range = await reader.ReadRawAsync(4, ct).ConfigureAwait(false);
            for (int minor = range[2]; minor >= Math.Max(0, range[2] - range[1]); minor--)
            {
                offered.Add(new BoltVersion(range[3], minor));
            }
        }

        _ = await ReadVarIntAsync(reader, ct).ConfigureAwait(false); // server capabilities: none used yet
        var chosen = BoltVersion.Supported.FirstOrDefault(offered.Contains);
        if (chosen == default)
        {
            throw new ServiceUnavailableException(
                $"The server offers only Bolt {string.Join(", ", offered)}; this client speaks 5.0-5.8 and 6.0.");
        }

        var answer = new byte[5];
        BinaryPrimitives.WriteInt32BigEndian(answer, chosen.Minor << 8 | chosen.Major);
        answer[4] = 0; // client capabilities: none
        await stream.WriteAsync(answer, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
        return chosen;
    }

    // Unsigned LEB128, at most 5 bytes so a stream of 0xFF cannot keep us reading.
    private static async Task<ulong> ReadVarIntAsync(MessageReader reader, CancellationToken ct)
    {
        ulong value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = (await reader.ReadRawAsync(1, ct).ConfigureAwait(false))[0];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new BoltProtocolException("Handshake varint longer than 5 bytes.");
    }
}
