using GraphAttn.Neo4j.Errors;
using GraphAttn.Neo4j.PackStream;

namespace GraphAttn.Neo4j.Protocol;

/// <summary>One server message: SUCCESS or FAILURE with metadata, RECORD with values, or IGNORED.</summary>
internal readonly record struct BoltResponse(byte Signature, Dictionary<string, object?>? Metadata, object?[]? Values)
{
    private static readonly Dictionary<string, object?> Empty = [];

    public bool IsRecord => Signature == MessageSignature.Record;

    public bool IsSuccess => Signature == MessageSignature.Success;

    public bool IsFailure => Signature == MessageSignature.Failure;

    public bool IsIgnored => Signature == MessageSignature.Ignored;

    /// <summary>Decodes a dechunked server message; anything but the four response types is a protocol error.</summary>
    public static BoltResponse Decode(ReadOnlySpan<byte> message, PackStreamLimits limits)
    {
        var reader = new PackStreamReader(message, limits);
        var fields = reader.ReadStructHeader(out var signature);
        BoltResponse response = signature switch
        {
            MessageSignature.Record when fields == 1 => new(signature, null, ReadRecordValues(ref reader)),
            MessageSignature.Success or MessageSignature.Failure when fields == 1 => new(signature, reader.ReadMap(), null),
            MessageSignature.Success or MessageSignature.Ignored when fields == 0 => new(signature, Empty, null),
            _ => throw new BoltProtocolException(
                $"Unexpected server message {MessageSignature.Name(signature)} with {fields} fields."),
        };
        if (reader.Remaining != 0)
        {
            throw new BoltProtocolException($"{reader.Remaining} trailing bytes after a server message.");
        }

        return response;
    }

    private static object?[] ReadRecordValues(ref PackStreamReader reader) =>
        reader.ReadValue() as object?[] ?? throw new BoltProtocolException("RECORD field is not a list.");

    public override string ToString() => MessageSignature.Name(Signature);
}
