namespace GraphAttn.Tests.Shared;

/// <summary>Paths inside the repository (found by GraphAttn.sln above the test binaries) and beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>graph-seeds/demo, the embedded default graph.</summary>
    public static string Demo => Path.Combine(Root, "graph-seeds", "demo");

    /// <summary>../shared/datasets beside the checkout.</summary>
    public static string Datasets => Path.GetFullPath(Path.Combine(Root, "..", "shared", "datasets"));

    /// <summary>src/GraphAttn.Server/bin/&lt;Configuration&gt;/net10.0, taken from the test's own output path.</summary>
    public static string ServerOutput()
    {
        var testOut = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOut.Parent!.Name;
        return Path.Combine(Root, "src", "GraphAttn.Server", "bin", configuration, testOut.Name);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GraphAttn.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException($"GraphAttn.sln not found above {AppContext.BaseDirectory}");
    }
}
