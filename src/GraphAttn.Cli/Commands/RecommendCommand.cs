using System.CommandLine;
using GraphAttn.Cli.Client;
using GraphAttn.Cli.Options;
using GraphAttn.Contracts.V1;

namespace GraphAttn.Cli.Commands;

/// <summary><c>recommend content|friends --user U [-n N] [--explain]</c>: recommendations from a running server.</summary>
internal static class RecommendCommand
{
    public static Command Create()
    {
        var recommend = new Command("recommend", "Ask a running server for recommendations.");
        recommend.Subcommands.Add(Content());
        recommend.Subcommands.Add(Friends());
        return recommend;
    }

    private static Command Content()
    {
        var (connection, user, limit, explain) = (new ConnectionOptions(), CommonOptions.User(), CommonOptions.Limit(), CommonOptions.Explain());
        var includeSeen = new Option<bool>("--include-seen") { Description = "Allow items the user already interacted with." };
        var topic = new Option<string>("--topic") { Description = "Only items tagged with this topic id." };
        var command = new Command("content", "Content recommendations for a user.") { user, limit, explain, includeSeen, topic };
        connection.AddTo(command);
        command.SetAction((p, ct) => ClientCall.RunAsync(p, connection, async (channel, options) =>
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
        var (connection, user, limit, explain) = (new ConnectionOptions(), CommonOptions.User(), CommonOptions.Limit(), CommonOptions.Explain());
        var command = new Command("friends", "Users a user might follow.") { user, limit, explain };
        connection.AddTo(command);
        command.SetAction((p, ct) => ClientCall.RunAsync(p, connection, async (channel, options) =>
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
}
