using GraphAttn.Contracts.V1;
using Grpc.Net.Client;

namespace GraphAttn.Evaluation.Live;

/// <summary>
/// <see cref="ILiveRecommender"/> over the server's RecommendationService (graphattn.v1): RecommendContent with
/// seen items excluded by the server, and RecommendFriends. The service caps <c>limit</c> at 100, so K must be at
/// most 100 for live evaluation.
/// </summary>
public sealed class GrpcLiveRecommender : ILiveRecommender, IDisposable
{
    /// <summary>Largest K the service accepts.</summary>
    public const int MaxLimit = 100;

    private readonly GrpcChannel _channel;
    private readonly RecommendationService.RecommendationServiceClient _client;

    /// <summary>Uses an existing channel (e.g. an in-memory test server's); the caller keeps ownership.</summary>
    public GrpcLiveRecommender(GrpcChannel channel)
    {
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
        _client = new RecommendationService.RecommendationServiceClient(channel);
        OwnsChannel = false;
    }

    /// <summary>Connects to <paramref name="address"/>, e.g. <c>http://localhost:5000</c> (plain http uses h2c).</summary>
    public GrpcLiveRecommender(string address)
        : this(GrpcChannel.ForAddress(address)) => OwnsChannel = true;

    private bool OwnsChannel { get; init; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> RecommendContentAsync(string userId, int k, CancellationToken ct)
    {
        var reply = await _client.RecommendContentAsync(
            new RecommendContentRequest { UserId = userId, Limit = Limit(k) }, cancellationToken: ct).ConfigureAwait(false);
        return [.. reply.Items.Select(i => i.ContentId)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> RecommendFriendsAsync(string userId, int k, CancellationToken ct)
    {
        var reply = await _client.RecommendFriendsAsync(
            new RecommendFriendsRequest { UserId = userId, Limit = Limit(k) }, cancellationToken: ct).ConfigureAwait(false);
        return [.. reply.Users.Select(u => u.UserId)];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (OwnsChannel) _channel.Dispose();
    }

    private static int Limit(int k) => k is >= 1 and <= MaxLimit
        ? k : throw new ArgumentOutOfRangeException(nameof(k), k, $"live evaluation needs 1 <= K <= {MaxLimit} (the service's limit)");
}
