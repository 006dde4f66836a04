using System.Diagnostics;
using Grpc.Net.Client;

namespace GraphAttn.Live.Benchmarks;

/// <summary>
/// A closed-loop load generator in the benchmark process: <c>connections</c> HTTP/2 connections (one channel and
/// handler each), <c>streams</c> calls in flight on each, every call issued as soon as the previous one on its slot
/// returned, like h2load's -c/-m. Counts calls that completed OK and those that failed.
/// </summary>
internal sealed class LoadRun : IDisposable
{
    private readonly GrpcChannel[] _channels;

    public LoadRun(string address, int connections)
    {
        _channels = [.. Enumerable.Range(0, connections).Select(_ => GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false },
        }))];
    }

    public IReadOnlyList<GrpcChannel> Channels => _channels;

    /// <summary>Runs <paramref name="call"/> (channel, sequence number) for <paramref name="duration"/>; returns OK calls/s and failures.</summary>
    public async Task<(double PerSecond, long Failed)> RunAsync(Func<GrpcChannel, long, Task> call, int streams, TimeSpan duration)
    {
        long next = 0, ok = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var slots = _channels.SelectMany(channel => Enumerable.Range(0, streams).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                try
                {
                    await call(channel, Interlocked.Increment(ref next));
                    Interlocked.Increment(ref ok);
                }
                catch (Grpc.Core.RpcException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        await Task.WhenAll(slots);
        return (ok / clock.Elapsed.TotalSeconds, failed);
    }

    public void Dispose()
    {
        foreach (var channel in _channels) channel.Dispose();
    }
}
