using System.CommandLine;
using GraphAttn.Cli.Commands;
using GraphAttn.Cli.Methods;
using GraphAttn.Evaluation.Methods;

namespace GraphAttn.Cli;

/// <summary>The command tree of <c>graphattn</c>: one command per file in Commands/.</summary>
public static class GraphAttnCli
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("graphattn: graph-attention recommendations and user profiles — data, training, evaluation, client calls, benchmarks.");
        root.Subcommands.Add(SeedsCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EmbedCommand.Create());
        root.Subcommands.Add(EvalCommand.Create(EvaluationMethods()));
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(RecommendCommand.Create());
        root.Subcommands.Add(ProfileCommand.Create());
        root.Subcommands.Add(InfoCommand.Create());
        root.Subcommands.Add(ReloadCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }

    // The evaluation catalogue with the graph-attention model added beside the baselines.
    private static MethodCatalog EvaluationMethods()
    {
        var catalog = MethodCatalog.Default();
        GraphAttnMethod.Register(catalog);
        return catalog;
    }
}
