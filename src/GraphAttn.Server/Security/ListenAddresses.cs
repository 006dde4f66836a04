using System.Net;

namespace GraphAttn.Server.Security;

/// <summary>
/// The addresses the server is configured to listen on (Kestrel endpoints, <c>urls</c>, <c>http_ports</c> /
/// <c>https_ports</c>), and whether all of them are loopback. Read from configuration before Kestrel binds, so the
/// server can refuse to start instead of listening unprotected for a moment.
/// </summary>
public static class ListenAddresses
{
    /// <summary>Every configured URL (empty when none is: Kestrel then listens on localhost only).</summary>
    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = new List<string>();
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
            if (endpoint["Url"] is { Length: > 0 } url) urls.Add(url);
        if (configuration["urls"] is { Length: > 0 } list) urls.AddRange(list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var ports in new[] { "http_ports", "https_ports" })
            if (configuration[ports] is { Length: > 0 } p) urls.AddRange(p.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(x => $"http://*:{x.Trim()}"));
        return urls;
    }

    /// <summary>The configured URLs that accept connections from other machines.</summary>
    public static IReadOnlyList<string> BeyondLoopback(IConfiguration configuration) =>
        Configured(configuration).Where(u => !IsLoopback(u)).ToList();

    /// <summary>Whether <paramref name="url"/> binds a loopback address only ("localhost", 127.0.0.0/8, [::1]).</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? rest : rest[..slash];
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? host : host[1..close];
        }
        else if (host.LastIndexOf(':') is var colon and >= 0)
        {
            host = host[..colon];
        }
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }
}
