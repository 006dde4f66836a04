using System.CommandLine;

namespace GraphAttn.Cli.Commands;

/// <summary>
/// The <c>seeds</c> command of <c>graphattn</c>: <c>seeds generate --users N --seed S --out DIR [options]</c> writes a
/// graph-seeds folder; <c>seeds stats --dir DIR</c> measures how strongly a folder shows its planted structure.
/// </summary>
public static class SeedsCommand
{
    /// <summary>Creates the <c>seeds</c> command with its <c>generate</c> and <c>stats</c> subcommands, ready to add to a root command.</summary>
    public static Command Create()
    {
        var command = new Command("seeds", "Generate graph-seeds CSV folders (neo4j-admin import format).");
        command.Subcommands.Add(GenerateCommand.Create());
        command.Subcommands.Add(StatsCommand.Create());
        return command;
    }
}
