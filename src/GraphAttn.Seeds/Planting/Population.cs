namespace GraphAttn.Seeds.Planting;

/// <summary>Planted users: community, interests, popularity and activity. Arrays are indexed by user.</summary>
internal sealed class Population
{
    /// <summary>Global topic popularity (Zipf-like), used for personal tastes and extra tags.</summary>
    public required double[] TopicPopularity { get; init; }

    /// <summary>Community -> (topic, weight): the community's topic mix, summing to 1.</summary>
    public required SparseRows CommunityTopics { get; init; }

    /// <summary>User -> community index.</summary>
    public required int[] Community { get; init; }

    /// <summary>User -> (topic, weight): planted interests, summing to 1.</summary>
    public required SparseRows Interests { get; init; }

    /// <summary>User join time, epoch ms; always at least 90 days before the window starts.</summary>
    public required long[] JoinedAt { get; init; }

    /// <summary>Heavy-tailed attractiveness as a followee (Pareto), which skews in-degree.</summary>
    public required double[] Popularity { get; init; }

    /// <summary>Heavy-tailed activity (log-normal, mean 1) scaling interactions and posting.</summary>
    public required double[] Activity { get; init; }

    public int UserCount => Community.Length;

    public int CommunityCount => CommunityTopics.RowCount;
}
