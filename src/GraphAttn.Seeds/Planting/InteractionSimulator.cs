using GraphAttn.Seeds.Randomness;

namespace GraphAttn.Seeds.Planting;

/// <summary>
/// Replays every user's interactions in global time order. Each one is either social (with probability
/// <see cref="SeedOptions.SocialInfluence"/>: an item a followee interacted with recently) or driven by the user's
/// own interests (a topic from the planted interests, then an existing content of that topic by appeal).
/// </summary>
internal static class InteractionSimulator
{
    /// <summary>How many of a user's latest items stay visible to followers and to the repeat check.</summary>
    private const int RecentDepth = 8;
    private const int UserBits = 22;
    private const int FolloweeTries = 3;

    public static SimulatedInteractions Simulate(SeedOptions options, Population population, FollowEdges follows, Catalog catalog,
        IProgress<SeedProgress>? progress)
    {
        var random = new SeedRandom(options.Seed, stream: 4);
        var keys = PlanEventTimes(options, population, random);
        progress?.Report(new SeedProgress("interactions", 0, keys.Length));

        var sampler = new ContentSampler(catalog);
        var users = new int[keys.Length];
        var contents = new int[keys.Length];
        var kinds = new byte[keys.Length];
        var timestamps = new long[keys.Length];
        var recent = new int[population.UserCount * RecentDepth];
        var recentCount = new int[population.UserCount];
        long social = 0;
        for (var e = 0; e < keys.Length; e++)
        {
            var u = (int)(keys[e] & ((1L << UserBits) - 1));
            var time = options.StartMs + (keys[e] >> UserBits);
            var item = random.Chance(options.SocialInfluence) ? FromFollowee(u, follows, recent, recentCount, random) : -1;
            if (item >= 0) social++;
            else item = FromInterests(u, time, population, sampler, recent, recentCount, random);

            users[e] = u;
            contents[e] = item;
            kinds[e] = KindMix.Sample(random);
            timestamps[e] = time;
            recent[u * RecentDepth + recentCount[u] % RecentDepth] = item;
            recentCount[u]++;
            if ((e & 0xFFFFF) == 0) progress?.Report(new SeedProgress("interactions", e, keys.Length));
        }
        progress?.Report(new SeedProgress("interactions", keys.Length, keys.Length));
        return new SimulatedInteractions(timestamps, users, contents, kinds, social);
    }

    /// <summary>Per user at least 3 events (activity-scaled), uniform over the window, packed as time &lt;&lt; 22 | user and sorted.</summary>
    private static long[] PlanEventTimes(SeedOptions options, Population population, SeedRandom random)
    {
        var perUser = new int[population.UserCount];
        long total = 0;
        for (var u = 0; u < perUser.Length; u++)
            total += perUser[u] = Math.Max(3, (int)Math.Round(options.AvgInteractions * population.Activity[u]));
        if (total > Array.MaxLength)
            throw new ArgumentException($"Seed options give {total} interactions, more than one array can hold.", nameof(options));

        var window = options.EndMs - options.StartMs;
        var keys = new long[total];
        var e = 0;
        for (var u = 0; u < perUser.Length; u++)
            for (var i = 0; i < perUser[u]; i++)
                keys[e++] = random.NextLong(window) << UserBits | (long)u;
        Array.Sort(keys);
        return keys;
    }

    private static int FromFollowee(int u, FollowEdges follows, int[] recent, int[] recentCount, SeedRandom random)
    {
        var followees = follows.Followees(u);
        if (followees.IsEmpty) return -1;
        for (var t = 0; t < FolloweeTries; t++)
        {
            var f = followees[random.NextInt(followees.Length)];
            var seen = Math.Min(recentCount[f], RecentDepth);
            if (seen > 0) return recent[f * RecentDepth + random.NextInt(seen)];
        }
        return -1;
    }

    private static int FromInterests(int u, long time, Population population, ContentSampler sampler, int[] recent,
        int[] recentCount, SeedRandom random)
    {
        // One redraw when the item is among the user's own latest ones: repeats stay possible but rare.
        var item = -1;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            item = sampler.FromTopic(population.Interests.SampleColumn(u, random), time, random);
            if (item < 0) item = sampler.FromCatalog(time, random);
            var mine = recent.AsSpan(u * RecentDepth, Math.Min(recentCount[u], RecentDepth));
            if (mine.IndexOf(item) < 0) break;
        }
        return item;
    }
}
