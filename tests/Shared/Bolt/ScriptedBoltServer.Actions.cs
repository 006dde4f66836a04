using GraphAttn.Neo4j.Protocol;

namespace GraphAttn.Tests.Shared.Bolt;

internal sealed partial class ScriptedBoltServer
{
    private static async Task HandshakeAsync(string directive, Stream stream, Neo4j.Protocol.MessageReader reader, CancellationToken ct)
    {
        var parts = directive.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (parts[0])
        {
            case "BOLT":
                var v = Version.Parse(parts[1]);
                await stream.WriteAsync(new byte[] { 0, 0, (byte)v.Minor, (byte)v.Major }, ct);
                break;
            case "HANDSHAKE":
                await stream.WriteAsync(Convert.FromHexString(parts[1]), ct);
                break;
            case "MANIFEST":
                var arrow = Array.IndexOf(parts, "->");
                var offered = parts[1..arrow].Select(Version.Parse).ToArray();
                var reply = new List<byte> { 0, 0, 1, 0xFF, (byte)offered.Length };
                foreach (var o in offered)
                {
                    reply.AddRange([0, 0, (byte)o.Minor, (byte)o.Major]);
                }

                reply.Add(0);
                await stream.WriteAsync(reply.ToArray(), ct);
                var choice = await reader.ReadRawAsync(5, ct);
                var expected = Version.Parse(parts[arrow + 1]);
                Check(choice[2] == expected.Minor && choice[3] == expected.Major && choice[4] == 0,
                    $"client chose {Convert.ToHexString(choice)}, expected {expected}");
                return;
            default:
                throw new InvalidOperationException("bad handshake directive: " + directive);
        }

        await stream.FlushAsync(ct);
    }

    // Returns false when the script closes the connection.
    private static async Task<bool> SendAsync(string action, Stream stream, CancellationToken ct)
    {
        var space = action.IndexOf(' ');
        var name = space < 0 ? action : action[..space];
        var arg = space < 0 ? "" : action[(space + 1)..].Trim();
        byte[] bytes = name switch
        {
            "SUCCESS" => Frame(MessageSignature.Success, arg.Length == 0 ? new Dictionary<string, object?>() : ScriptJson.Parse(arg)),
            "FAILURE" => Frame(MessageSignature.Failure, ScriptJson.Parse(arg)),
            "RECORD" => Frame(MessageSignature.Record, ScriptJson.Parse(arg)),
            "IGNORED" => Frame(MessageSignature.Ignored),
            "<NOOP>" => [0, 0],
            "<RAW>" => Convert.FromHexString(arg.Replace(" ", "")),
            "<EXIT>" => [],
            "<SLEEP>" => [],
            _ => throw new InvalidOperationException("bad server action: " + action),
        };
        if (name == "<EXIT>")
        {
            return false;
        }

        if (name == "<SLEEP>")
        {
            await Task.Delay(int.Parse(arg), ct);
            return true;
        }

        await stream.WriteAsync(bytes, ct);
        await stream.FlushAsync(ct);
        return true;
    }
}
