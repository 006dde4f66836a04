using System.CommandLine;
using GraphAttn.Cli.Client;
using GraphAttn.Cli.Options;
using GraphAttn.Contracts.V1;

namespace GraphAttn.Cli.Commands;

/// <summary><c>info</c>: what a running server serves (graph counts, source, model status).</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var connection = new ConnectionOptions();
        var command = new Command("info", "What the server is serving: graph counts, source, model version.");
        connection.AddTo(command);
        command.SetAction((p, ct) => ClientCall.RunAsync(p, connection, async (channel, options) =>
        {
            var response = await new AdminService.AdminServiceClient(channel).GetServiceInfoAsync(new GetServiceInfoRequest(), options);
            Tables.Info(response, p.InvocationConfiguration.Output);
        }, ct));
        return command;
    }
}
