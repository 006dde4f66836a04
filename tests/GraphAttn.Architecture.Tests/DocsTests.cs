using System.Text.RegularExpressions;

namespace GraphAttn.Architecture.Tests;

/// <summary>
/// Docs by audience: a short README for a newcomer, one README per project saying what lives there, figures only in
/// the benchmark projects' READMEs, history only in CHANGELOG.md, and no measurement stories in READMEs or build files.
/// </summary>
public sealed partial class DocsTests
{
    private const int RootReadmeMaxLines = 200;
    private const int ProjectReadmeMaxLines = 150;

    private static readonly string[] ForbiddenPhrases = ["this release", "previous release", "load average"];

    [Fact]
    public void RootReadme_AtMostTwoHundredLines()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md")).Length;
        Assert.True(lines <= RootReadmeMaxLines, $"README.md has {lines} lines; at most {RootReadmeMaxLines}");
    }

    [Fact]
    public void SourceProjects_EachHasReadmeOfAtMostOneHundredFiftyLines()
    {
        var problems = SourceProjectFolders()
            .Select(folder => Path.Combine(folder, "README.md"))
            .Select(LengthProblem)
            .OfType<string>()
            .ToList();
        Assert.True(problems.Count == 0, $"project READMEs (at most {ProjectReadmeMaxLines} lines): " + string.Join("; ", problems));
    }

    [Fact]
    public void BenchmarkProjects_EachHasReadmeNamingTheCommand()
    {
        var folders = BenchmarkFolders();
        Assert.NotEmpty(folders);
        var problems = folders
            .Select(folder => Path.Combine(folder, "README.md"))
            .Select(readme => !File.Exists(readme) ? $"{Relative(readme)} is missing"
                : !NamesACommand(File.ReadAllText(readme)) ? $"{Relative(readme)} names no `dotnet run` or `graphattn` command"
                : null)
            .OfType<string>()
            .ToList();
        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    [Fact]
    public void Changelog_Exists() =>
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "CHANGELOG.md")), "CHANGELOG.md is missing: release history goes there");

    [Fact]
    public void ReadmesAndBuildFiles_TellNoMeasurementStories()
    {
        var offences = CheckedForStories()
            .SelectMany(file => ForbiddenPhrases
                .Where(phrase => File.ReadAllText(file).Contains(phrase, StringComparison.OrdinalIgnoreCase))
                .Select(phrase => $"{Relative(file)}: \"{phrase}\""))
            .ToList();
        Assert.True(offences.Count == 0,
            "history belongs in CHANGELOG.md and figures in the benchmark READMEs: " + string.Join("; ", offences));
    }

    [Fact]
    public void RootReadme_EveryRelativeLinkPointsToAnExistingFile()
    {
        var broken = MarkdownLink().Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")))
            .Select(m => m.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#')
                             && !target.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(target => target.Split('#')[0])
            .Where(path => !File.Exists(Path.Combine(RepoPaths.Root, path)) && !Directory.Exists(Path.Combine(RepoPaths.Root, path)))
            .ToList();
        Assert.True(broken.Count == 0, "README.md links to missing files: " + string.Join(", ", broken));
    }

    private static List<string> SourceProjectFolders() =>
        [.. Directory.GetDirectories(Path.Combine(RepoPaths.Root, "src"))
            .Where(folder => Directory.GetFiles(folder, "*.csproj").Length > 0)
            .Order(StringComparer.Ordinal)];

    private static List<string> BenchmarkFolders() =>
        [.. Directory.GetDirectories(Path.Combine(RepoPaths.Root, "tests"), "*.Benchmarks")
            .Where(folder => Directory.GetFiles(folder, "*.csproj").Length > 0)
            .Order(StringComparer.Ordinal)];

    // The READMEs (root, each project's, each benchmark project's) and the build files.
    private static IEnumerable<string> CheckedForStories()
    {
        var root = RepoPaths.Root;
        var files = new List<string> { Path.Combine(root, "README.md") };
        files.AddRange(SourceProjectFolders().Concat(BenchmarkFolders()).Select(folder => Path.Combine(folder, "README.md")));
        files.Add(Path.Combine(root, "Directory.Build.props"));
        files.Add(Path.Combine(root, "Directory.Build.targets"));
        files.AddRange(Directory.GetFiles(Path.Combine(root, "build"), "*.targets"));
        return files.Where(File.Exists);
    }

    private static string? LengthProblem(string readme)
    {
        if (!File.Exists(readme)) return $"{Relative(readme)} is missing";
        var lines = File.ReadAllLines(readme).Length;
        return lines > ProjectReadmeMaxLines ? $"{Relative(readme)} has {lines} lines" : null;
    }

    private static bool NamesACommand(string text) => Command().IsMatch(text);

    private static string Relative(string path) => Path.GetRelativePath(RepoPaths.Root, path);

    // `dotnet run ...` or a graphattn subcommand.
    [GeneratedRegex(@"dotnet run |\bgraphattn (seeds|train|embed|eval|export|recommend|profile|info|reload|bench)\b")]
    private static partial Regex Command();

    // [text](target) with no whitespace in the target; images too.
    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
