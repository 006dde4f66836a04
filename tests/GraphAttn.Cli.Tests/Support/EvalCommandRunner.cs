using System.CommandLine;
using GraphAttn.Cli.Commands;
using GraphAttn.Evaluation.Live;
using GraphAttn.Evaluation.Methods;

namespace GraphAttn.Cli.Tests.Support;

/// <summary>Invokes the eval command in-process with captured output and a timeout.</summary>
internal static class EvalCommandRunner
{
    public static async Task<(int Code, string Out, string Err)> Run(
        string[] args, Func<string, ILiveRecommender>? live = null, MethodCatalog? catalog = null)
    {
        var root = new RootCommand("test host");
        root.Subcommands.Add(EvalCommand.Create(catalog, live));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        var code = await root.Parse(["eval", .. args]).InvokeAsync(config).WaitAsync(TimeSpan.FromSeconds(90));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
