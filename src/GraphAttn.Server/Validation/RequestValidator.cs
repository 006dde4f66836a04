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

    /// <summary>A time that must be valid: <paramref name="at"/> is what <see cref="TimeOf"/> returned (null: not a valid Timestamp).</summary>
    public RequestValidator Timestamp(string field, DateTimeOffset? at)
    {
        if (at is null) Add(field, "must be a valid time: seconds within years 1 to 9999 and nanos between 0 and 999,999,999");
        return this;
    }

    /// <summary>
    /// The time of <paramref name="timestamp"/>, <paramref name="unset"/> when it is absent, or null when it is out of
    /// the range a Timestamp may hold (ToDateTimeOffset would throw).
    /// </summary>
    public static DateTimeOffset? TimeOf(Google.Protobuf.WellKnownTypes.Timestamp? timestamp, DateTimeOffset unset)
    {
        if (timestamp is null) return unset;
        const long MinSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
        const long MaxSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z
        return timestamp.Seconds is >= MinSeconds and <= MaxSeconds && timestamp.Nanos is >= 0 and <= 999_999_999
            ? timestamp.ToDateTimeOffset()
            : null;
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
