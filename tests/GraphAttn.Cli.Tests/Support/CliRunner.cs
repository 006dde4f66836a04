using System.CommandLine;

namespace GraphAttn.Cli.Tests.Support;

/// <summary>Runs the graphattn command tree in-process with captured output.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var config = new InvocationConfiguration { Output = output, Error = error };
        var exit = await GraphAttnCli.Build().Parse(args).InvokeAsync(config).WaitAsync(TimeSpan.FromSeconds(60));
        return (exit, output.ToString(), error.ToString());
    }
}
