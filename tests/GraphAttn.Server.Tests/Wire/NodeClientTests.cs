using System.Diagnostics;
using System.Text.Json;
using Google.Rpc;
using GraphAttn.Contracts.V1;
using Grpc.Net.Client;

namespace GraphAttn.Server.Tests.Wire;

/// <summary>
/// Proves the wire contract outside .NET: the real server process, on its embedded demo graph, is called by a
/// Node.js client (@grpc/grpc-js + @grpc/proto-loader reading protos/), and the answers match the .NET client's.
/// </summary>
public class NodeClientTests
{
    private const string User = "u000001";

    [Fact]
    public async Task NodeClient_AgainstRealServer_SeesSameAnswersAndErrors()
    {
        await using var server = await RealServerProcess.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.Address);
        var recs = new RecommendationService.RecommendationServiceClient(channel);
        var expectedContent = await recs.RecommendContentAsync(new() { UserId = User, Limit = 5, Explain = true }).Within();
        var expectedFriends = await recs.RecommendFriendsAsync(new() { UserId = User, Limit = 5, Explain = true }).Within();
        var expectedProfile = await new ProfileService.ProfileServiceClient(channel).GetUserProfileAsync(new() { UserId = User }).Within();

        using var doc = JsonDocument.Parse(await RunNodeAsync(server.Address.Replace("http://", ""), server));
        var root = doc.RootElement;

        Assert.Equal(2000, root.GetProperty("info").GetProperty("response").GetProperty("counts").GetProperty("users").GetInt32());
        var content = root.GetProperty("content").GetProperty("response");
        Assert.Equal(expectedContent.Items.Select(i => i.ContentId), content.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("content_id").GetString()));
        Assert.Equal(expectedContent.Items[0].Reasons[0].Text, content.GetProperty("items")[0].GetProperty("reasons")[0].GetProperty("text").GetString());
        Assert.Equal(expectedContent.Provenance.ModelVersion, content.GetProperty("provenance").GetProperty("model_version").GetString());

        var friends = root.GetProperty("friends").GetProperty("response").GetProperty("users").EnumerateArray().ToList();
        Assert.Equal(expectedFriends.Users.Select(u => u.UserId), friends.Select(u => u.GetProperty("user_id").GetString()));
        Assert.Equal(expectedFriends.Users.Select(u => u.MutualFriendCount), friends.Select(u => u.GetProperty("mutual_friend_count").GetInt32()));

        var profile = root.GetProperty("profile").GetProperty("response");
        Assert.Equal(expectedProfile.Interests.Select(i => i.TopicId), profile.GetProperty("interests").EnumerateArray().Select(i => i.GetProperty("topic_id").GetString()));
        Assert.Equal(expectedProfile.Activity.InteractionCount, profile.GetProperty("activity").GetProperty("interaction_count").GetInt32());

        var bad = root.GetProperty("badLimit").GetProperty("error");
        Assert.Equal(3, bad.GetProperty("code").GetInt32()); // INVALID_ARGUMENT
        var status = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(bad.GetProperty("statusBin").GetString()!));
        Assert.Contains(status.Details.Single().Unpack<BadRequest>().FieldViolations, v => v.Field == "limit");
        Assert.Equal(5, root.GetProperty("unknownUser").GetProperty("error").GetProperty("code").GetInt32()); // NOT_FOUND

        Assert.True(root.GetProperty("recorded").GetProperty("response").GetProperty("changed").GetBoolean());
        var after = root.GetProperty("contentAfter").GetProperty("response").GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("content_id").GetString()).ToList();
        Assert.DoesNotContain(expectedContent.Items[0].ContentId, after);
    }

    private static async Task<string> RunNodeAsync(string address, RealServerProcess server)
    {
        var js = Path.Combine(RepoPaths.Root, "tests", "GraphAttn.Server.Tests", "Wire", "js");
        Assert.True(Directory.Exists(Path.Combine(js, "node_modules", "@grpc")),
            $"npm packages missing: run `npm ci --ignore-scripts` in {js} (the README's test command does).");
        var info = new ProcessStartInfo("node", ["client.mjs", address, Path.Combine(RepoPaths.Root, "protos"), User, Path.Combine(AppContext.BaseDirectory, "protos")])
        {
            WorkingDirectory = js,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(info)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(node.ExitCode == 0, $"node failed ({node.ExitCode}): {await stderr}\nserver log:\n{server.Log}");
        return await stdout;
    }
}
