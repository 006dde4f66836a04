using System.CommandLine;
using GraphAttn.Cli.Client;
using GraphAttn.Cli.Options;
using GraphAttn.Contracts.V1;
using Grpc.Core;

namespace GraphAttn.Cli.Commands;

/// <summary>Commands that call a running server: recommend content|friends, profile, info, reload.</summary>
internal static class ClientCommands
{
    public static IEnumerable<Command> Create()
    {
        var recommend = new Command("recommend", "Ask a running server for recommendations.");
        recommend.Subcommands.Add(Content());
        recommend.Subcommands.Add(Friends());
        yield return recommend;
        yield return Profile();
        yield return Info();
        yield return Reload();
    }

    private static Command Content()
    {
        var (address, timeout, user, limit, explain) = Common();
        var includeSeen = new Option<bool>("--include-seen") { Description = "Allow items the user already interacted with." };
        var topic = new Option<string>("--topic") { Description = "Only items tagged with this topic id." };
        var command = new Command("content", "Content recommendations for a user.") { address, timeout, user, limit, explain, includeSeen, topic };
        command.SetAction((p, ct) => Call(p, address, timeout, async (channel, options) =>
        {
            var client = new RecommendationService.RecommendationServiceClient(channel);
            var response = await client.RecommendContentAsync(new RecommendContentRequest
            {
                UserId = p.GetValue(user)!,
                Limit = p.GetValue(limit),
                Explain = p.GetValue(explain),
                IncludeSeen = p.GetValue(includeSeen),
                TopicId = p.GetValue(topic) ?? "",
            }, options);
            Tables.Content(response, p.InvocationConfiguration.Output);
        }, ct));
        return command;
    }

    private static Command Friends()
    {
        var (address, timeout, user, limit, explain) = Common();
        var command = new Command("friends", "Users a user might follow.") { address, timeout, user, limit, explain };
        command.SetAction((p, ct) => Call(p, address, timeout, async (channel, options) =>
        {
            var client = new RecommendationService.RecommendationServiceClient(channel);
            var response = await client.RecommendFriendsAsync(new RecommendFriendsRequest
            {
                UserId = p.GetValue(user)!,
                Limit = p.GetValue(limit),
                Explain = p.GetValue(explain),
            }, options);
            Tables.Friends(response, p.InvocationConfiguration.Output);
        }, ct));
        return command;
    }

    private static Command Profile()
    {
        var (address, timeout, user, _, _) = Common();
        var command = new Command("profile", "A user's profile: interests, influential friends, community, activity.") { address, timeout, user };
        command.SetAction((p, ct) => Call(p, address, timeout, async (channel, options) =>
        {
            var client = new ProfileService.ProfileServiceClient(channel);
            var response = await client.GetUserProfileAsync(new GetUserProfileRequest { UserId = p.GetValue(user)! }, options);
            Tables.Profile(response, p.InvocationConfiguration.Output);
        }, ct));
        return command;
    }

    private static Command Info()
    {
        var address = ClientOptions.Address();
        var timeout = ClientOptions.Timeout();
        var command = new Command("info", "What the server is serving: graph counts, source, model version.") { address, timeout };
        command.SetAction((p, ct) => Call(p, address, timeout, async (channel, options) =>
        {
            var response = await new AdminService.AdminServiceClient(channel).GetServiceInfoAsync(new GetServiceInfoRequest(), options);
            Tables.Info(response, p.InvocationConfiguration.Output);
        }, ct));
        return command;
    }

    private static Command Reload()
    {
        var address = ClientOptions.Address();
        var timeout = ClientOptions.Timeout();
        var command = new Command("reload", "Ask the server to reload its graph/snapshot and swap it in.") { address, timeout };
        command.SetAction((p, ct) => Call(p, address, timeout, async (channel, options) =>
        {
            var response = await new AdminService.AdminServiceClient(channel).ReloadSnapshotAsync(new ReloadSnapshotRequest(), options);
            var output = p.InvocationConfiguration.Output;
            output.WriteLine(
                $"Reloaded: {response.Previous?.ModelVersion ?? "(none)"} -> {response.Current.ModelVersion} ({response.Counts.Users} users); snapshot: {response.SnapshotOutcome}");
            foreach (var rejected in response.RejectedSnapshots) output.WriteLine($"  rejected {rejected}");
        }, ct));
        return command;
    }

    private static (Option<string>, Option<double>, Option<string>, Option<int>, Option<bool>) Common() => (
        ClientOptions.Address(),
        ClientOptions.Timeout(),
        new Option<string>("--user", "-u") { Description = "User id.", Required = true },
        new Option<int>("--limit", "-n") { Description = "How many results (1-100).", DefaultValueFactory = _ => 10 },
        new Option<bool>("--explain", "-x") { Description = "Include reasons." });

    private static async Task<int> Call(ParseResult p, Option<string> address, Option<double> timeout,
        Func<Grpc.Net.Client.GrpcChannel, CallOptions, Task> call, CancellationToken ct)
    {
        using var channel = Channels.For(p.GetValue(address)!);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(p.GetValue(timeout)), cancellationToken: ct);
        try
        {
            await call(channel, options);
            return 0;
        }
        catch (RpcException ex)
        {
            RpcErrors.Print(ex, p.InvocationConfiguration.Error);
            return ex.StatusCode == StatusCode.InvalidArgument ? 2 : 1;
        }
    }
}
