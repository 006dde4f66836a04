using System.CommandLine;
using GraphAttn.Cli.Client;
using GraphAttn.Cli.Options;
using GraphAttn.Contracts.V1;

namespace GraphAttn.Cli.Commands;

/// <summary><c>profile --user U</c>: a user's profile from a running server.</summary>
internal static class ProfileCommand
{
    public static Command Create()
    {
        var (connection, user) = (new ConnectionOptions(), CommonOptions.User());
        var command = new Command("profile", "A user's profile: interests, influential friends, community, activity.") { user };
        connection.AddTo(command);
        command.SetAction((p, ct) => ClientCall.RunAsync(p, connection, async (channel, options) =>
        {
            var client = new ProfileService.ProfileServiceClient(channel);
            var response = await client.GetUserProfileAsync(new GetUserProfileRequest { UserId = p.GetValue(user)! }, options);
            Tables.Profile(response, p.InvocationConfiguration.Output);
        }, ct));
        return command;
    }
}
