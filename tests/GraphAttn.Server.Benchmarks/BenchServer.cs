using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GraphAttn.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace GraphAttn.Server.Benchmarks;

/// <summary>
/// The server under test: this build configuration's GraphAttn.Server binary started as its own process on a free
/// loopback port (h2c), or a running server at a given address. Ready once the graph is served and, when a snapshot
/// folder is given, the model answers (with online embeddings when a checkpoint is given).
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromMinutes(10);
    private readonly Process? _process;
    private readonly string? _dataPath;
    private readonly StringBuilder _log = new();

    private BenchServer(string address, Process? process, string? dataPath)
    {
        Address = address;
        _process = process;
        _dataPath = dataPath;
        Channel = GrpcChannel.ForAddress(address);
    }

    /// <summary>The server's address, http://127.0.0.1:port.</summary>
    public string Address { get; }

    /// <summary>A channel for checks and events (h2load makes its own connections).</summary>
    public GrpcChannel Channel { get; }

    /// <summary>Starts (or attaches to) the server and waits until it answers as configured.</summary>
    public static async Task<BenchServer> StartAsync(ThroughputOptions options, CancellationToken ct)
    {
        BenchServer server;
        if (options.Address is not null)
        {
            server = new BenchServer(options.Address.TrimEnd('/'), null, null);
        }
        else
        {
            int port = FreePort();
            string dll = Path.Combine(RepoPaths.ServerOutput(), "GraphAttn.Server.dll");
            if (!File.Exists(dll)) throw new FileNotFoundException($"server binary not found at {dll}: build the solution first");
            string data = Directory.CreateTempSubdirectory("graphattn-bench-").FullName;
            var info = new ProcessStartInfo("dotnet", [dll])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(dll)!,
            };
            info.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
            info.Environment["GraphAttn__Graph__SeedsPath"] = options.Graph;
            // The per-caller limits would measure themselves: every h2load stream is one anonymous loopback caller.
            info.Environment["GraphAttn__RateLimit__PermitsPerSecond"] = "0";
            info.Environment["GraphAttn__RateLimit__ConcurrentPerCaller"] = "0";
            info.Environment["GraphAttn__Model__DataPath"] = data;
            info.Environment["GraphAttn__Model__Mode"] = options.Snapshots is null ? "off" : "snapshots";
            if (options.Snapshots is not null) info.Environment["GraphAttn__Model__SnapshotFolder"] = options.Snapshots;
            if (options.Checkpoint is not null) info.Environment["GraphAttn__Model__CheckpointPath"] = options.Checkpoint;
            var process = Process.Start(info)!;
            server = new BenchServer($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", process, data);
            process.OutputDataReceived += (_, e) => server.Append(e.Data);
            process.ErrorDataReceived += (_, e) => server.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        try
        {
            await server.WaitReadyAsync(options, ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The service's own account of what answers (GetServiceInfo's model status).</summary>
    public async Task<ModelStatus> ModelStatusAsync(CancellationToken ct) =>
        (await new AdminService.AdminServiceClient(Channel).GetServiceInfoAsync(new GetServiceInfoRequest(), cancellationToken: ct)).Model;

    private async Task WaitReadyAsync(ThroughputOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await WaitServingAsync("", ct);
        Console.Error.WriteLine($"graph served after {clock.Elapsed.TotalSeconds:F1} s");
        if (options.Snapshots is null) return;
        await WaitServingAsync("graphattn.v1.Model", ct);
        while (options.Checkpoint is not null && !(await ModelStatusAsync(ct)).OnlineEmbeddings)
        {
            Exited();
            if (clock.Elapsed > StartBudget) throw new TimeoutException($"online embeddings not loaded after {StartBudget}:\n{Log}");
            await Task.Delay(200, ct);
        }

        Console.Error.WriteLine($"model answers after {clock.Elapsed.TotalSeconds:F1} s");
    }

    private async Task WaitServingAsync(string service, CancellationToken ct)
    {
        var health = new Grpc.Health.V1.Health.HealthClient(Channel);
        var until = DateTime.UtcNow + StartBudget;
        while (DateTime.UtcNow < until)
        {
            Exited();
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: ct);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (RpcException) when (!ct.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException($"health '{service}' not SERVING after {StartBudget}:\n{Log}");
    }

    private void Exited()
    {
        if (_process is { HasExited: true }) throw new InvalidOperationException($"the server exited early:\n{Log}");
    }

    private string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            if (_log.Length < 1 << 20) _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops a server this benchmark started and deletes its data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
        if (_dataPath is not null) Directory.Delete(_dataPath, recursive: true);
    }
}
