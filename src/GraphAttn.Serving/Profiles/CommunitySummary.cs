using GraphAttn.Graph;

namespace GraphAttn.Serving.Profiles;

/// <summary>
/// Per community: its size and its topic mix (interaction counts per topic over all members, normalised). Computed
/// once per served graph, so a profile request does not walk every user.
/// </summary>
public sealed class CommunitySummary
{
    private CommunitySummary(int[] labels, int[] sizes, float[][] topicShares)
    {
        Labels = labels;
        Sizes = sizes;
        TopicShares = topicShares;
    }

    /// <summary>Community label per user.</summary>
    public int[] Labels { get; }
    /// <summary>Members per community.</summary>
    public int[] Sizes { get; }
    /// <summary>Per community, share of its members' interactions per topic (sums to 1, or all 0).</summary>
    public float[][] TopicShares { get; }

    /// <summary>
    /// This summary with <paramref name="count"/> more users, each in a community of their own (they have no follows
    /// yet), over <paramref name="topicCount"/> topics: what a graph extended with new nodes answers until its
    /// communities are computed again. O(communities), O(communities × topics) when topics were added.
    /// </summary>
    public CommunitySummary WithNewNodes(int count, int topicCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int topics = TopicShares.Length > 0 ? TopicShares[0].Length : 0;
        if (count == 0 && topicCount <= topics)
        {
            return this;
        }

        topics = Math.Max(topics, topicCount);
        int first = Sizes.Length;
        int[] labels = [.. Labels, .. Enumerable.Range(first, count)];
        int[] sizes = [.. Sizes, .. Enumerable.Repeat(1, count)];
        float[][] shares = [.. TopicShares.Select(row => row.Length == topics ? row : [.. row, .. new float[topics - row.Length]]),
            .. Enumerable.Range(0, count).Select(_ => new float[topics])];
        return new CommunitySummary(labels, sizes, shares);
    }

    /// <summary>Summarises <paramref name="labels"/> over <paramref name="g"/> in one pass over the interactions.</summary>
    public static CommunitySummary Build(SocialGraph g, int[] labels)
    {
        var count = labels.Length == 0 ? 0 : labels.Max() + 1;
        var sizes = new int[count];
        var shares = new float[count][];
        for (var c = 0; c < count; c++) shares[c] = new float[g.TopicCount];
        for (var u = 0; u < labels.Length; u++)
        {
            sizes[labels[u]]++;
            var row = shares[labels[u]];
            foreach (var content in g.Interactions.ContentOf(u))
                foreach (var t in g.ContentTopics.Neighbors(content)) row[t]++;
        }
        foreach (var row in shares)
        {
            var total = row.Sum();
            if (total > 0) for (var t = 0; t < row.Length; t++) row[t] /= total;
        }
        return new CommunitySummary(labels, sizes, shares);
    }
}
