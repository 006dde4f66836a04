using GraphAttn.Seeds.Randomness;

namespace GraphAttn.Seeds.Planting;

/// <summary>Plants communities with topic mixes and users with interests drawn mostly from their community's mix.</summary>
internal static class PopulationPlanter
{
    private const int CoreTopicsPerCommunity = 4;
    private const long Day = 86_400_000L;

    public static Population Plant(SeedOptions options)
    {
        var random = new SeedRandom(options.Seed, stream: 1);
        var topicCount = options.Topics;

        // Zipf-like topic popularity over a shuffled order, so topic ids carry no rank information.
        var topicPopularity = new double[topicCount];
        var order = Shuffled(topicCount, random);
        for (var rank = 0; rank < topicCount; rank++) topicPopularity[order[rank]] = 1.0 / Math.Pow(rank + 1, 0.8);
        var topicTable = new AliasTable(topicPopularity);

        var communityTopics = PlantCommunityMixes(options.Communities, topicCount, order, topicTable, random);

        var users = options.Users;
        var community = new int[users];
        var sizeWeights = new double[options.Communities];
        for (var c = 0; c < sizeWeights.Length; c++) sizeWeights[c] = random.NextLogNormal(0.5);
        var sizeTable = new AliasTable(sizeWeights);
        // The first users seed one community each, so no community is empty.
        for (var u = 0; u < users; u++) community[u] = u < options.Communities ? u : sizeTable.Sample(random);

        var interests = new SparseRowsBuilder(users, users * (CoreTopicsPerCommunity + 2));
        var joinedAt = new long[users];
        var popularity = new double[users];
        var activity = new double[users];
        var windowStart = options.StartMs;
        for (var u = 0; u < users; u++)
        {
            var c = community[u];
            var core = communityTopics.ColumnsOf(c);
            var coreWeights = communityTopics.WeightsOf(c);
            for (var i = 0; i < core.Length; i++)
                interests.Add(core[i], (1 - options.PersonalTaste) * coreWeights[i] * random.NextLogNormal(0.5));
            var personal = 1 + random.NextInt(2);
            for (var i = 0; i < personal; i++)
                interests.Add(topicTable.Sample(random), options.PersonalTaste * (0.5 + random.NextDouble()) / personal);
            interests.EndRow();

            joinedAt[u] = windowStart - 90 * Day - random.NextLong(640 * Day);
            popularity[u] = random.NextPareto(alpha: 1.3, cap: 10_000);
            activity[u] = random.NextLogNormal(0.7);
        }

        return new Population
        {
            TopicPopularity = topicPopularity,
            CommunityTopics = communityTopics,
            Community = community,
            Interests = interests.Build(),
            JoinedAt = joinedAt,
            Popularity = popularity,
            Activity = activity,
        };
    }

    private static SparseRows PlantCommunityMixes(int communities, int topicCount, int[] order, AliasTable topicTable, SeedRandom random)
    {
        var mixes = new SparseRowsBuilder(communities, communities * CoreTopicsPerCommunity);
        var coreCount = Math.Min(CoreTopicsPerCommunity, topicCount);
        var chosen = new HashSet<int>();
        for (var c = 0; c < communities; c++)
        {
            chosen.Clear();
            // A dominant topic of its own, taken from the globally rare end (distinct while communities <= topics),
            // keeps communities tellable apart.
            var dominant = order[order.Length - 1 - c % order.Length];
            chosen.Add(dominant);
            mixes.Add(dominant, 2.0 * random.NextLogNormal(0.3));
            while (chosen.Count < coreCount)
            {
                var t = topicTable.Sample(random);
                if (chosen.Add(t)) mixes.Add(t, random.NextLogNormal(0.5));
            }
            mixes.EndRow();
        }
        return mixes.Build();
    }

    private static int[] Shuffled(int n, SeedRandom random)
    {
        var a = new int[n];
        for (var i = 0; i < n; i++) a[i] = i;
        for (var i = n - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
        return a;
    }
}
