using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphAttn.Neo4j.Tests.Support;

/// <summary>
/// Runs js/packstream-oracle.js (the official neo4j-driver-bolt-connection codec) under node. Fails loudly when
/// node or the npm packages are missing: run `npm ci --ignore-scripts` in tests/GraphAttn.Neo4j.Tests/js.
/// </summary>
internal static class JsOracle
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string JsFolder { get; } = FindJsFolder();

    public static JsonNode Call(JsonObject request)
    {
        if (!Directory.Exists(Path.Combine(JsFolder, "node_modules", "neo4j-driver-bolt-connection")))
        {
            throw new InvalidOperationException(
                $"node_modules missing in {JsFolder}: run `npm ci --ignore-scripts` there before the tests.");
        }

        var psi = new ProcessStartInfo("node", "packstream-oracle.js")
        {
            WorkingDirectory = JsFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(request.ToJsonString());
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("node oracle did not finish within 60 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node oracle failed ({process.ExitCode}): {stderr.Result}");
        }

        return JsonNode.Parse(stdout.Result) ?? throw new InvalidOperationException("empty oracle reply");
    }

    public static string[] Pack(IEnumerable<JsonNode?> tagged) =>
        Call(new JsonObject { ["op"] = "pack", ["values"] = new JsonArray(tagged.ToArray()) })["hex"]!
            .AsArray().Select(h => (string)h!).ToArray();

    public static JsonArray Unpack(IEnumerable<string> hex) =>
        Call(new JsonObject { ["op"] = "unpack", ["hex"] = new JsonArray(hex.Select(h => JsonValue.Create(h)).ToArray<JsonNode?>()) })
            ["results"]!.AsArray();

    private static string FindJsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "GraphAttn.Neo4j.Tests", "js");
            if (File.Exists(Path.Combine(candidate, "packstream-oracle.js")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/GraphAttn.Neo4j.Tests/js not found above " + AppContext.BaseDirectory);
    }

    public static string Canonical(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions()) ?? "null";
}
