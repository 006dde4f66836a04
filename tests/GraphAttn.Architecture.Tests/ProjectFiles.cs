using System.Xml.Linq;

namespace GraphAttn.Architecture.Tests;

/// <summary>The repository's project files, read as XML.</summary>
internal static class ProjectFiles
{
    /// <summary>Every project under src/, by name (GraphAttn.X).</summary>
    public static IReadOnlyDictionary<string, XDocument> Source { get; } = Load("src");

    /// <summary>Every project under tests/, by name.</summary>
    public static IReadOnlyDictionary<string, XDocument> Tests { get; } = Load("tests");

    /// <summary>Names of the projects <paramref name="project"/> references directly.</summary>
    public static IReadOnlyList<string> References(XDocument project) =>
        [.. project.Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!))];

    /// <summary>Packages <paramref name="project"/> references directly.</summary>
    public static IReadOnlyList<string> Packages(XDocument project) =>
        [.. project.Descendants("PackageReference").Select(r => (string)r.Attribute("Include")!)];

    private static Dictionary<string, XDocument> Load(string folder) =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, folder), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => XDocument.Load(p));
}
