using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace GraphAttn.Live.Benchmarks;

/// <summary>
/// The server binary of the same build configuration, started as a child process on a free loopback port with a fresh
/// data folder; killed and its folder removed on dispose. Its resident memory is read from /proc.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;
    private readonly StringBuilder _log = new();

    private ServerProcess(Process process, int port, string data)
    {
        _process = process;
        Port = port;
        _data = data;
    }

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}";

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    /// <summary>Starts the server with <paramref name="settings"/> (environment variables) and waits until it is SERVING.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan budget)
    {
        var dll = Path.Combine(ServerFolder(), "GraphAttn.Server.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Server binary not found at {dll}; build the solution in this configuration first.");
        int port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), "graphattn-bench-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{port}";
        info.Environment["GraphAttn__Model__Mode"] = "off";
        info.Environment["GraphAttn__Model__DataPath"] = data;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // The per-caller limits would measure themselves: every call of the load generator is one anonymous loopback caller.
        info.Environment["GraphAttn__RateLimit__PermitsPerSecond"] = "0";
        info.Environment["GraphAttn__RateLimit__ConcurrentPerCaller"] = "0";
        info.Environment["Logging__LogLevel__GraphAttn.Serving.Events.LiveGraphWriter"] = "Information";
        foreach (var (key, value) in settings) info.Environment[key] = value;
        var process = Process.Start(info)!;
        var server = new ServerProcess(process, port, data);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitServingAsync(budget);
        return server;
    }

    /// <summary>Resident memory of the server process (VmRSS), in MiB.</summary>
    public double ResidentMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }

    /// <summary>CPU seconds the server process used so far.</summary>
    public double CpuSeconds()
    {
        _process.Refresh();
        return _process.TotalProcessorTime.TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private async Task WaitServingAsync(TimeSpan budget)
    {
        using var channel = GrpcChannel.ForAddress(Address);
        var health = new Health.HealthClient(channel);
        var until = DateTime.UtcNow + budget;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Server exited early:\n{Log}");
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (Grpc.Core.RpcException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Server not SERVING after {budget}:\n{Log}");
    }

    // bin/<configuration>/net10.0 of the server, beside this benchmark's own output folder.
    private static string ServerFolder()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GraphAttn.sln")))
            {
                return Path.Combine(dir.FullName, "src", "GraphAttn.Server", "bin", output.Parent!.Name, output.Name);
            }
        }

        throw new DirectoryNotFoundException("GraphAttn.sln not found above the benchmark's output folder.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
