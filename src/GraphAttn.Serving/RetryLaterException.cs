namespace GraphAttn.Serving;

/// <summary>
/// The service cannot take this request now but will soon (the graph is loading, the source is down, the event spool
/// is full). The server answers UNAVAILABLE with a <c>google.rpc.RetryInfo</c> carrying <see cref="RetryAfter"/>.
/// </summary>
/// <param name="message">What is unavailable, for the caller; never internal details.</param>
/// <param name="retryAfter">How long a client should wait before retrying.</param>
/// <param name="inner">The failure behind it, for the log.</param>
public sealed class RetryLaterException(string message, TimeSpan retryAfter, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How long a client should wait before retrying.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}
