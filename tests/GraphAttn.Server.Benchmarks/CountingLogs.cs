using Microsoft.Extensions.Logging;

namespace GraphAttn.Server.Benchmarks;

// Counts the bytes the server would log at its configured levels (appsettings.json beside the binaries).
internal sealed class CountingLogs : ILoggerProvider
{
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(CountingLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Interlocked.Add(ref owner._bytes, formatter(state, exception).Length + (exception?.ToString().Length ?? 0));
    }
}
