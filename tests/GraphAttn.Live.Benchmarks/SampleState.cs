using GraphAttn.Contracts.V1;
using Grpc.Net.Client;

namespace GraphAttn.Live.Benchmarks;

/// <summary>
/// What the flood should leave for a set of sample users: their counts before it (from the API) and whom they followed
/// (from the graph's follows.csv), plus every interaction and follow flip sent for them, in order.
/// </summary>
internal sealed class SampleState
{
    private readonly Dictionary<string, User> _users;

    private SampleState(Dictionary<string, User> users) => _users = users;

    private sealed class User
    {
        public int Interactions { get; init; }
        public HashSet<string> Following { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
        public int Sent { get; set; }
        public Dictionary<string, bool> Flips { get; } = new(StringComparer.Ordinal);
    }

    public static async Task<SampleState> ReadAsync(string graph, IEnumerable<string> sample, GrpcChannel channel)
    {
        var profiles = new ProfileService.ProfileServiceClient(channel);
        var users = new Dictionary<string, User>(StringComparer.Ordinal);
        foreach (var id in sample)
        {
            users[id] = new User { Interactions = (await profiles.GetUserProfileAsync(new() { UserId = id })).Activity.InteractionCount };
        }

        foreach (var line in File.ReadLines(Path.Combine(graph, "follows.csv")).Skip(1))
        {
            int comma = line.IndexOf(',');
            if (users.TryGetValue(line[..comma], out var user))
            {
                user.Following.Add(line[(comma + 1)..line.IndexOf(',', comma + 1)]);
            }
        }

        return new SampleState(users);
    }

    public void Saw(string user, string content)
    {
        lock (_users[user])
        {
            _users[user].Seen.Add(content);
            _users[user].Sent++;
        }
    }

    public void Follow(string user, string target, bool follows)
    {
        lock (_users[user]) _users[user].Flips[target] = follows;
    }

    /// <summary>Problems found by asking the server about every sample user; empty when all answers are right.</summary>
    public async Task<List<string>> CheckAsync(GrpcChannel channel)
    {
        var failures = new List<string>();
        var profiles = new ProfileService.ProfileServiceClient(channel);
        var recs = new RecommendationService.RecommendationServiceClient(channel);
        foreach (var (id, user) in _users)
        {
            var following = new HashSet<string>(user.Following, StringComparer.Ordinal);
            foreach (var (target, follows) in user.Flips)
            {
                if (follows) following.Add(target);
                else following.Remove(target);
            }

            var profile = await profiles.GetUserProfileAsync(new() { UserId = id });
            if (profile.Activity.InteractionCount != user.Interactions + user.Sent)
            {
                failures.Add($"{id}: {profile.Activity.InteractionCount} interactions, expected {user.Interactions + user.Sent}");
            }

            if (profile.Activity.FollowingCount != following.Count)
            {
                failures.Add($"{id}: follows {profile.Activity.FollowingCount}, expected {following.Count}");
            }

            var content = await recs.RecommendContentAsync(new() { UserId = id, Limit = 100 });
            if (content.Items.FirstOrDefault(i => user.Seen.Contains(i.ContentId)) is { } seen)
            {
                failures.Add($"{id}: recommended {seen.ContentId}, seen in the flood");
            }

            var friends = await recs.RecommendFriendsAsync(new() { UserId = id, Limit = 100 });
            if (friends.Users.FirstOrDefault(u => following.Contains(u.UserId)) is { } followed)
            {
                failures.Add($"{id}: suggested {followed.UserId}, whom they follow");
            }
        }

        return failures;
    }
}
