namespace GraphAttn.Server.Tests.Wire;

/// <summary>Locates the repository (by GraphAttn.sln) and the server's build output matching this test's configuration.</summary>
internal static class RepoPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GraphAttn.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("GraphAttn.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>src/GraphAttn.Server/bin/&lt;Configuration&gt;/net10.0, taken from this test's own output path.</summary>
    public static string ServerOutput()
    {
        var testOut = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOut.Parent!.Name;
        return Path.Combine(Root(), "src", "GraphAttn.Server", "bin", configuration, testOut.Name);
    }
}
