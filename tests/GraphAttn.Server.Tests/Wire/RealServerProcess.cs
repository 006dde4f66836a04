using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace GraphAttn.Server.Tests.Wire;

/// <summary>
/// The real server binary started as its own process on a free loopback port, with its embedded demo graph and, unless
/// told otherwise, a fresh data folder (its event log) that is deleted on dispose. Killed on dispose; its output is
/// kept for failure messages.
/// </summary>
internal sealed class RealServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string? _ownData;

    private RealServerProcess(Process process, int port, string? ownData)
    {
        _process = process;
        Port = port;
        _ownData = ownData;
    }

    public int Port { get; }
    public string Address => $"http://127.0.0.1:{Port}";
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>
    /// Starts the server and waits until it is SERVING. <paramref name="dataPath"/> is its data folder (null: a fresh
    /// one of its own); <paramref name="environment"/> adds settings (GraphAttn__Sync__Seconds, ...).
    /// </summary>
    public static async Task<RealServerProcess> StartAsync(string? dataPath = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var ownData = dataPath is null ? Path.Combine(Path.GetTempPath(), "graphattn-server-" + Guid.NewGuid().ToString("N")) : null;
        var dll = Path.Combine(RepoPaths.ServerOutput(), "GraphAttn.Server.dll");
        Assert.True(File.Exists(dll), $"Server binary not found at {dll}");
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{port}";
        // These tests are about the wire and the process; the embedded model would only train in the background.
        info.Environment["GraphAttn__Model__Mode"] = "off";
        info.Environment["GraphAttn__Model__DataPath"] = dataPath ?? ownData;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = Process.Start(info)!;
        var server = new RealServerProcess(process, port, ownData);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitServingAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private async Task WaitServingAsync(TimeSpan budget)
    {
        using var channel = GrpcChannel.ForAddress(Address);
        var health = new Grpc.Health.V1.Health.HealthClient(channel);
        var until = DateTime.UtcNow + budget;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Server exited early:\n{Log}");
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (Grpc.Core.RpcException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Server not SERVING after {budget}:\n{Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Sends SIGTERM (what Kubernetes and systemd send) and returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return _process.ExitCode;
    }

    /// <summary>Sends SIGKILL: the process gets no chance to flush or close anything.</summary>
    public async Task KillAsync()
    {
        using var kill = Process.Start("kill", ["-KILL", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        _process.Dispose();
        if (_ownData is not null && Directory.Exists(_ownData))
        {
            try
            {
                Directory.Delete(_ownData, recursive: true);
            }
            catch (IOException)
            {
                // Best effort; the OS temp cleaner takes the rest.
            }
        }
    }
}
