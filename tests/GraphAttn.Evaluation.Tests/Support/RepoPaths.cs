namespace GraphAttn.Evaluation.Tests.Support;

/// <summary>Locates the repository root (the folder holding GraphAttn.sln) from the test binary.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "GraphAttn.sln"))) return d.FullName;
        }
        throw new InvalidOperationException($"GraphAttn.sln not found above {AppContext.BaseDirectory}");
    }
}
