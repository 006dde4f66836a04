using System.Xml.Linq;

namespace GraphAttn.Architecture.Tests;

/// <summary>Central package versions stay in use, and the heavy or layer-specific packages stay where they belong.</summary>
public sealed class PackageTests
{
    private static readonly IReadOnlyList<string> Pinned =
        [.. XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Select(p => (string)p.Attribute("Include")!)];

    [Fact]
    public void DirectoryPackages_EveryPinnedPackageIsReferenced()
    {
        var used = ProjectFiles.Source.Values.Concat(ProjectFiles.Tests.Values).SelectMany(ProjectFiles.Packages).ToHashSet();
        var unused = Pinned.Where(p => !used.Contains(p)).ToList();
        Assert.True(unused.Count == 0, "pinned but unused: " + string.Join(", ", unused));
    }

    [Theory]
    [InlineData("System.CommandLine", new[] { "GraphAttn.Cli" })]
    [InlineData("TorchSharp-cpu", new[] { "GraphAttn.Model", "GraphAttn.Embedding" })]
    [InlineData("ScottPlot", new[] { "GraphAttn.Evaluation" })]
    public void Package_ReferencedOnlyByItsLayer(string package, string[] owners)
    {
        var users = ProjectFiles.Source.Where(p => ProjectFiles.Packages(p.Value).Contains(package)).Select(p => p.Key);
        Assert.Equal(owners.Order(), users.Order());
    }
}
