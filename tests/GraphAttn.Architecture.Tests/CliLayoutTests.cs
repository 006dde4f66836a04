using System.Text.RegularExpressions;

namespace GraphAttn.Architecture.Tests;

/// <summary>The dotnet-grpc shape: every command in src/GraphAttn.Cli/Commands/*Command.cs, shared options defined once.</summary>
public sealed partial class CliLayoutTests
{
    private static readonly string Cli = Path.Combine(RepoPaths.Root, "src", "GraphAttn.Cli");

    [Fact]
    public void SystemCommandLine_UsedOnlyInsideTheCli()
    {
        var outside = SourceFiles(Path.Combine(RepoPaths.Root, "src"))
            .Where(f => !f.StartsWith(Cli + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("System.CommandLine", StringComparison.Ordinal))
            .ToList();
        Assert.True(outside.Count == 0, "System.CommandLine outside the CLI: " + string.Join(", ", outside));
    }

    [Fact]
    public void CommandFolder_HoldsOnlyCommands_AndEveryCommandLivesThere()
    {
        var commands = Path.Combine(Cli, "Commands");
        Assert.All(Directory.GetFiles(commands, "*.cs"), f => Assert.EndsWith("Command.cs", f));
        var misplaced = SourceFiles(Cli)
            .Where(f => !f.StartsWith(commands, StringComparison.Ordinal))
            .Where(f => NewCommand().IsMatch(File.ReadAllText(f)))
            .ToList();
        Assert.True(misplaced.Count == 0, "commands built outside Commands/: " + string.Join(", ", misplaced));
    }

    [Fact]
    public void SharedOptions_DefinedOnceInCommonOptions()
    {
        var defining = SourceFiles(Cli).Where(f => SharedOption().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName).ToList();
        Assert.Equal(["CommonOptions.cs"], defining);
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"new Command\(""")]
    private static partial Regex NewCommand();

    // An option more than one command takes, created anywhere but CommonOptions.
    [GeneratedRegex(@"new Option<[^>]+>\(""--(address|timeout|user|limit|explain|graph|format|quiet)""")]
    private static partial Regex SharedOption();
}
