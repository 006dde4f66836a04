using Google.Rpc;
using GraphAttn.Server.Options;
using Grpc.Core;

namespace GraphAttn.Server.Validation;

/// <summary>
/// Collects field violations for one request and throws INVALID_ARGUMENT carrying a google.rpc.BadRequest, so
/// clients can point at the offending field instead of parsing free text. Every violation is reported at once.
/// </summary>
public sealed class RequestValidator(LimitOptions limits)
{
    private readonly BadRequest _bad = new();

    /// <summary>A required id: non-empty and at most MaxIdLength characters.</summary>
    public RequestValidator Id(string field, string value)
    {
        if (string.IsNullOrEmpty(value)) Add(field, "is required");
        else if (value.Length > limits.MaxIdLength) Add(field, $"must be at most {limits.MaxIdLength} characters, got {value.Length}");
        return this;
    }

    /// <summary>An optional id: empty, or at most MaxIdLength characters.</summary>
    public RequestValidator OptionalId(string field, string value)
    {
        if (value.Length > limits.MaxIdLength) Add(field, $"must be at most {limits.MaxIdLength} characters, got {value.Length}");
        return this;
    }

    /// <summary>A result count: 1..MaxLimit.</summary>
    public RequestValidator Limit(string field, int value)
    {
        if (value <= 0 || value > limits.MaxLimit) Add(field, $"must be between 1 and {limits.MaxLimit}, got {value}");
        return this;
    }

    /// <summary>Any other rule.</summary>
    public RequestValidator Check(bool ok, string field, string description)
    {
        if (!ok) Add(field, description);
        return this;
    }

    /// <summary>Throws INVALID_ARGUMENT with all violations, if any.</summary>
    public void ThrowIfInvalid()
    {
        if (_bad.FieldViolations.Count == 0) return;
        var message = string.Join("; ", _bad.FieldViolations.Select(v => $"{v.Field} {v.Description}"));
        throw new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = message,
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(_bad) },
        }.ToRpcException();
    }

    private void Add(string field, string description) =>
        _bad.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
}
