using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Reflection;
using Google.Protobuf;
using Google.Rpc;
using GraphAttn.Server.Options;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.Hosting;

/// <summary>
/// Checks the body of every unary gRPC call before grpc-dotnet reads it: exactly one length-prefixed message that
/// parses as the method's request type. grpc-dotnet reads and parses the request before any interceptor runs and
/// answers a broken frame with INTERNAL and bytes that are not protobuf with UNKNOWN, logging a stack trace at error
/// level each time; a caller sending garbage is the caller's error, so here it is INVALID_ARGUMENT, logged once at
/// debug level. A valid body is handed on unchanged. Streaming methods (health Watch, reflection) are left to
/// grpc-dotnet.
/// </summary>
public sealed class GrpcRequestGuardMiddleware(RequestDelegate next, IOptions<GraphAttnOptions> options, ILogger<GrpcRequestGuardMiddleware> logger)
{
    private const int HeaderSize = 5;
    private static readonly ConcurrentDictionary<IMethod, MessageParser?> Parsers = new();
    private readonly int _maxMessage = options.Value.Limits.MaxRequestBytes;

    /// <summary>Checks the request, then runs the rest of the pipeline.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!GrpcStatusResponse.IsGrpc(context.Request)
            || context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not { Method.Type: MethodType.Unary } grpc
            || Parsers.GetOrAdd(grpc.Method, ParserOf) is not { } parser)
        {
            await next(context);
            return;
        }

        var body = await ReadBodyAsync(context.Request.BodyReader, context.RequestAborted);
        var problem = body is null
            ? Reject(context, grpc.Method, Code.ResourceExhausted, $"The request message exceeds {_maxMessage} bytes.")
            : Check(body, context.Request.Headers["grpc-encoding"].ToString(), parser) is { } invalid
                ? Reject(context, grpc.Method, Code.InvalidArgument, invalid)
                : null;
        if (problem is not null)
        {
            await GrpcStatusResponse.WriteAsync(context, problem);
            return;
        }

        // Hand the bytes already read to grpc-dotnet as if they had never been touched.
        context.Features.Set<IRequestBodyPipeFeature>(new BufferedBody(PipeReader.Create(new ReadOnlySequence<byte>(body!))));
        context.Request.Body = new MemoryStream(body!, writable: false);
        await next(context);
    }

    private Google.Rpc.Status Reject(HttpContext context, IMethod method, Code code, string problem)
    {
        logger.MalformedRequest(method.FullName, problem);
        return GrpcStatusResponse.Of(code, problem);
    }

    // The whole body, or null past the largest message allowed (plus its 5-byte header).
    private async Task<byte[]?> ReadBodyAsync(PipeReader reader, CancellationToken ct)
    {
        while (true)
        {
            var result = await reader.ReadAsync(ct);
            var buffer = result.Buffer;
            if (buffer.Length > _maxMessage + HeaderSize)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }
            if (result.IsCompleted || result.IsCanceled)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    // Null when the body is one well-formed message of the method's request type; otherwise what is wrong with it.
    private string? Check(byte[] body, string encoding, MessageParser parser)
    {
        if (body.Length < HeaderSize)
            return "The request body is not a gRPC message: a 5-byte header (compression flag, length) and the message are expected.";
        var flag = body[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4));
        if (flag > 1) return $"The request's compression flag is {flag}; 0 or 1 is expected.";
        if (length != (uint)(body.Length - HeaderSize))
            return $"The request frame announces {length} bytes but carries {body.Length - HeaderSize}: exactly one message is expected.";
        var message = body.AsMemory(HeaderSize);
        if (flag == 1)
        {
            if (Decompress(message, encoding) is not { } plain)
                return $"The request message is compressed but could not be decompressed with grpc-encoding '{encoding}'.";
            message = plain;
        }
        try
        {
            parser.ParseFrom(new ReadOnlySequence<byte>(message));
            return null;
        }
        catch (InvalidProtocolBufferException ex)
        {
            return $"The request is not a valid {parser.GetType().GetGenericArguments().FirstOrDefault()?.Name ?? "message"}: {ex.Message}";
        }
    }

    private byte[]? Decompress(ReadOnlyMemory<byte> compressed, string encoding)
    {
        try
        {
            using var input = new MemoryStream(compressed.ToArray());
            using Stream inflater = encoding switch
            {
                "gzip" => new GZipStream(input, CompressionMode.Decompress),
                "deflate" => new ZLibStream(input, CompressionMode.Decompress),
                _ => throw new InvalidDataException(),
            };
            using var output = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = inflater.Read(chunk)) > 0)
            {
                output.Write(chunk, 0, read);
                if (output.Length > _maxMessage) return null;
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    // Method<TRequest, TResponse> → TRequest.Parser, the static parser protoc generates on every message type.
    private static MessageParser? ParserOf(IMethod method)
    {
        var request = method.GetType().IsGenericType ? method.GetType().GetGenericArguments()[0] : null;
        return request?.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as MessageParser;
    }

    private sealed class BufferedBody(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }
}
