using System.CommandLine;
using GraphAttn.Cli.Client;
using GraphAttn.Cli.Options;
using GraphAttn.Contracts.V1;

namespace GraphAttn.Cli.Commands;

/// <summary><c>reload</c>: asks a running server to reload its graph and snapshot folder and swap them in.</summary>
internal static class ReloadCommand
{
    public static Command Create()
    {
        var connection = new ConnectionOptions();
        var command = new Command("reload", "Ask the server to reload its graph/snapshot and swap it in.");
        connection.AddTo(command);
        command.SetAction((p, ct) => ClientCall.RunAsync(p, connection, async (channel, options) =>
        {
            var response = await new AdminService.AdminServiceClient(channel).ReloadSnapshotAsync(new ReloadSnapshotRequest(), options);
            var output = p.InvocationConfiguration.Output;
            output.WriteLine(
                $"Reloaded: {response.Previous?.ModelVersion ?? "(none)"} -> {response.Current.ModelVersion} ({response.Counts.Users} users); snapshot: {response.SnapshotOutcome}");
            foreach (var rejected in response.RejectedSnapshots) output.WriteLine($"  rejected {rejected}");
        }, ct));
        return command;
    }
}
