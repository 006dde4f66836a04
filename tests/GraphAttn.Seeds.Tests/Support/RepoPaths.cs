namespace GraphAttn.Seeds.Tests.Support;

/// <summary>Paths inside the repository, found by walking up from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Demo => Path.Combine(Root, "graph-seeds", "demo");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "graph-seeds", "demo"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No graph-seeds/demo above {AppContext.BaseDirectory}.");
    }
}
