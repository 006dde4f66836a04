using System.CommandLine;
using GraphAttn.Cli.Options;
using GraphAttn.Graph.Loading;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Graph.Loading.LastFm;
using GraphAttn.Graph.Loading.RecBole;

namespace GraphAttn.Cli.Commands;

/// <summary>
/// Builds the <c>export</c> sub-command: load any dataset the eval command reads and write it as graph-seeds CSV or
/// RecBole atomic files.
/// <code>
/// graphattn export DATASET --to seeds|recbole --out DIR [--format auto|seeds|lastfm|recbole] [--name graphattn]
/// </code>
/// Exit codes: 0 ok, 1 bad input (data errors name file and line).
/// </summary>
public static class ExportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "Dataset folder: graph-seeds CSV, HetRec Last.fm, or RecBole atomic files." };
        var format = CommonOptions.Format();
        var to = new Option<string>("--to") { Description = "Output format: seeds or recbole.", Required = true };
        to.AcceptOnlyFromAmong("seeds", "recbole");
        var output = new Option<string>("--out") { Description = "Output folder (created if missing).", Required = true };
        var name = new Option<string>("--name") { Description = "RecBole dataset name (file base name).", DefaultValueFactory = _ => "graphattn" };
        var command = new Command("export", "Convert a dataset to graph-seeds CSV or RecBole atomic files.");
        command.Arguments.Add(dataset);
        foreach (var o in new Option[] { format, to, output, name }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var source = GraphFolder.Source(parse.GetValue(dataset)!, parse.GetValue(format)!);
                var graph = await source.LoadAsync(null, ct).ConfigureAwait(false);
                if (source is LastFmSource lastFm) await stderr.WriteLineAsync($"skipped: {lastFm.Report}").ConfigureAwait(false);
                var folder = parse.GetValue(output)!;
                if (parse.GetValue(to) == "seeds") GraphSeedsWriter.Write(graph, folder);
                else RecBoleAtomicWriter.Write(graph, folder, parse.GetValue(name)!);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"wrote {graph} to {folder}").ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or Graph.GraphDataException)
            {
                await stderr.WriteLineAsync($"export: {ex.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
