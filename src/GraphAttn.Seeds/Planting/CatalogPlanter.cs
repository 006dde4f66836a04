using GraphAttn.Seeds.Randomness;

namespace GraphAttn.Seeds.Planting;

/// <summary>
/// Plants content: created from 60 days before the window to its end, posted by active users, tagged with the
/// author's interests (1-3 topics), with heavy-tailed appeal.
/// </summary>
internal static class CatalogPlanter
{
    private const long Day = 86_400_000L;

    public static Catalog Plant(SeedOptions options, Population population)
    {
        var random = new SeedRandom(options.Seed, stream: 3);
        var count = options.ContentCount;
        var first = options.StartMs - 60 * Day;
        var createdAt = new long[count];
        for (var i = 0; i < count; i++) createdAt[i] = first + random.NextLong(options.EndMs - first);
        Array.Sort(createdAt);
        // Something must exist before the window opens, so every interaction finds an item.
        createdAt[0] = first;

        var authorWeights = new double[population.UserCount];
        for (var u = 0; u < authorWeights.Length; u++)
            authorWeights[u] = population.Activity[u] * Math.Pow(population.Popularity[u], 0.3);
        var authorTable = new AliasTable(authorWeights);
        var topicTable = new AliasTable(population.TopicPopularity);

        var author = new int[count];
        var appeal = new double[count];
        var topics = new SparseRowsBuilder(count, count * 2);
        Span<int> picked = stackalloc int[3];
        for (var i = 0; i < count; i++)
        {
            var a = authorTable.Sample(random);
            author[i] = a;
            appeal[i] = random.NextPareto(alpha: 1.6, cap: 1_000);
            var n = 0;
            picked[n++] = population.Interests.SampleColumn(a, random);
            if (random.Chance(0.5)) TryAdd(picked, ref n, population.Interests.SampleColumn(a, random));
            if (random.Chance(0.2)) TryAdd(picked, ref n, topicTable.Sample(random));
            for (var k = 0; k < n; k++) topics.Add(picked[k], 1);
            topics.EndRow();
        }
        var contentTopics = topics.Build();
        Array.Fill(contentTopics.Weights, 1.0);

        var (offsets, members, cumulative) = IndexByTopic(contentTopics, appeal, options.Topics);
        var global = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++) global[i] = sum += appeal[i];

        return new Catalog
        {
            CreatedAt = createdAt,
            Author = author,
            Topics = contentTopics,
            Appeal = appeal,
            TopicOffsets = offsets,
            TopicContents = members,
            TopicCumulativeAppeal = cumulative,
            CumulativeAppeal = global,
        };
    }

    private static void TryAdd(Span<int> picked, ref int n, int topic)
    {
        if (picked[..n].IndexOf(topic) < 0) picked[n++] = topic;
    }

    private static (int[] Offsets, int[] Members, double[] Cumulative) IndexByTopic(SparseRows contentTopics, double[] appeal, int topicCount)
    {
        var offsets = new int[topicCount + 1];
        foreach (var t in contentTopics.Columns) offsets[t + 1]++;
        for (var t = 0; t < topicCount; t++) offsets[t + 1] += offsets[t];
        var next = offsets[..^1];
        var members = new int[contentTopics.Columns.Length];
        // Contents are visited in index order, so each topic's segment comes out in creation order.
        for (var c = 0; c < contentTopics.RowCount; c++)
            foreach (var t in contentTopics.ColumnsOf(c)) members[next[t]++] = c;
        var cumulative = new double[members.Length];
        for (var t = 0; t < topicCount; t++)
        {
            var sum = 0.0;
            for (var i = offsets[t]; i < offsets[t + 1]; i++) cumulative[i] = sum += appeal[members[i]];
        }
        return (offsets, members, cumulative);
    }
}
