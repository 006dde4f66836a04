namespace GraphAttn.Graph.Baselines;

/// <summary>
/// A user's interest per topic from interaction counts: each interaction spreads one unit over its content's topics.
/// Returned weights sum to 1 (all zero for a user with no tagged interactions). This is the profile baseline and the
/// topic prior of <see cref="RecencyPopularityScorer"/>.
/// </summary>
public static class TopicInterests
{
    /// <summary>Writes normalised topic weights of <paramref name="user"/> into <paramref name="weights"/> (length = topic count).</summary>
    public static void Of(SocialGraph g, int user, Span<float> weights)
    {
        weights.Clear();
        var total = 0f;
        foreach (var c in g.Interactions.ContentOf(user))
        {
            var topics = g.ContentTopics.Neighbors(c);
            if (topics.IsEmpty) continue;
            var share = 1f / topics.Length;
            foreach (var t in topics) weights[t] += share;
            total += 1f;
        }
        if (total <= 0) return;
        for (var t = 0; t < weights.Length; t++) weights[t] /= total;
    }

    /// <summary>Interaction count per topic (each interaction counted once per topic of its content).</summary>
    public static int[] Counts(SocialGraph g, int user)
    {
        var counts = new int[g.TopicCount];
        foreach (var c in g.Interactions.ContentOf(user))
            foreach (var t in g.ContentTopics.Neighbors(c)) counts[t]++;
        return counts;
    }
}
