using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace GraphAttn.Server.Benchmarks;

/// <summary>What one h2load run reported.</summary>
/// <param name="Requests">Requests sent.</param>
/// <param name="Succeeded">Requests h2load counted as succeeded (HTTP 2xx: it does not read grpc-status).</param>
/// <param name="Seconds">Its "finished in" time: first connection to last response.</param>
internal sealed record H2LoadResult(long Requests, long Succeeded, double Seconds);

/// <summary>
/// Drives unary gRPC with nghttp2's h2load: one request body (a gRPC frame) sent over and over on C connections with
/// M concurrent streams each. h2load is a C program on one thread, so on a shared two-core machine it leaves most of the
/// CPU to the server, where a managed client would take a large share of it.
/// </summary>
internal static partial class H2Load
{
    /// <summary>Throws with install instructions when h2load is not on the PATH.</summary>
    public static void EnsureInstalled()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("h2load", "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            probe.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("h2load is not installed: `apt-get install -y nghttp2-client` (Debian/Ubuntu).");
        }
    }

    /// <summary>Sends <paramref name="requests"/> POSTs of <paramref name="bodyFile"/> to <paramref name="url"/>.</summary>
    public static async Task<H2LoadResult> RunAsync(string url, string bodyFile, long requests, int connections, int streams, CancellationToken ct)
    {
        var info = new ProcessStartInfo("h2load")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[]
                 {
                     "-n", requests.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-m", streams.ToString(CultureInfo.InvariantCulture), "-t", "1",
                     "-H", "content-type: application/grpc", "-H", "te: trailers", "-d", bodyFile, url,
                 })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(ct);
        Task<string> stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        string output = await stdout;
        return process.ExitCode == 0
            ? Parse(output)
            : throw new InvalidOperationException($"h2load exited with {process.ExitCode}: {await stderr}{output}");
    }

    /// <summary>Reads the "finished in" and "requests:" lines of h2load's summary.</summary>
    public static H2LoadResult Parse(string output)
    {
        Match finished = FinishedLine().Match(output);
        Match counts = RequestsLine().Match(output);
        if (!finished.Success || !counts.Success)
        {
            throw new FormatException($"unexpected h2load output:\n{output}");
        }

        double value = double.Parse(finished.Groups[1].Value, CultureInfo.InvariantCulture);
        double seconds = finished.Groups[2].Value switch
        {
            "us" => value / 1e6,
            "ms" => value / 1e3,
            "s" => value,
            "m" => value * 60,
            var unit => throw new FormatException($"unknown h2load time unit '{unit}'"),
        };
        return new H2LoadResult(long.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture), seconds);
    }

    [GeneratedRegex(@"finished in ([0-9.]+)(us|ms|s|m),")]
    private static partial Regex FinishedLine();

    [GeneratedRegex(@"requests: (\d+) total, \d+ started, \d+ done, (\d+) succeeded")]
    private static partial Regex RequestsLine();
}
