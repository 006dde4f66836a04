using GraphAttn.Seeds.Planting;
using GraphAttn.Seeds.Randomness;

namespace GraphAttn.Seeds.Tests.Planting;

public sealed class ContentSamplerTests
{
    private static readonly SeedOptions Options = new() { Users = 200, Communities = 4, Topics = 6, Contents = 600 };
    private static readonly Catalog Catalog = CatalogPlanter.Plant(Options, PopulationPlanter.Plant(Options));

    [Fact]
    public void FromTopic_ForwardInTime_OnlyExistingContentOfThatTopic()
    {
        var sampler = new ContentSampler(Catalog);
        var random = new SeedRandom(5);
        var topicHits = 0;
        for (var time = Options.StartMs - 60 * 86_400_000L; time < Options.EndMs; time += 3_600_000L)
        {
            var topic = random.NextInt(Options.Topics);
            var c = sampler.FromTopic(topic, time, random);
            if (c < 0) continue;
            topicHits++;
            Assert.True(Catalog.CreatedAt[c] <= time, $"content {c} created at {Catalog.CreatedAt[c]}, drawn at {time}");
            Assert.Contains(topic, Catalog.Topics.ColumnsOf(c).ToArray());
        }
        Assert.True(topicHits > 1_000);
    }

    [Fact]
    public void FromCatalog_BeforeFirstContent_MinusOne()
    {
        var sampler = new ContentSampler(Catalog);
        Assert.Equal(-1, sampler.FromCatalog(Catalog.CreatedAt[0] - 1, new SeedRandom(1)));
        Assert.Equal(0, sampler.FromCatalog(Catalog.CreatedAt[0], new SeedRandom(1)));
    }

    [Fact]
    public void FromTopic_TimeGoesBack_Throws()
    {
        var sampler = new ContentSampler(Catalog);
        var random = new SeedRandom(2);
        sampler.FromTopic(0, Options.StartMs, random);
        Assert.Throws<InvalidOperationException>(() => sampler.FromTopic(1, Options.StartMs - 1, random));
    }

    [Fact]
    public void FromTopic_FreshDraws_FavourRecentContent()
    {
        // Half of the draws come from the last 14 days, so recent items are drawn far more often than their share.
        var sampler = new ContentSampler(Catalog);
        var random = new SeedRandom(3);
        var time = Options.EndMs - 1;
        int recent = 0, draws = 0;
        for (var i = 0; i < 4_000; i++)
        {
            var c = sampler.FromTopic(i % Options.Topics, time, random);
            draws++;
            if (Catalog.CreatedAt[c] >= time - ContentSampler.FreshWindowMs) recent++;
        }
        var recentShareOfCatalog = Catalog.CreatedAt.Count(t => t >= time - ContentSampler.FreshWindowMs) / (double)Catalog.Count;
        Assert.True(recent / (double)draws > 0.5, $"recent share of draws {recent / (double)draws:F3} (catalog {recentShareOfCatalog:F3})");
    }
}
