using System.CommandLine;
using GraphAttn.Evaluation.Cli;

// Same command the graphattn CLI mounts as `graphattn eval`; here it is the root's only sub-command.
var root = new RootCommand("GraphAttn offline evaluation (stand-alone host of `graphattn eval`).");
root.Subcommands.Add(EvalCommand.Create());
return await root.Parse(args).InvokeAsync();
