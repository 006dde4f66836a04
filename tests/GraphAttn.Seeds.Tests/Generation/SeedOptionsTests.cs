namespace GraphAttn.Seeds.Tests.Generation;

public sealed class SeedOptionsTests
{
    public static TheoryData<SeedOptions, string> OutOfRange => new()
    {
        { new SeedOptions { Users = 5 }, nameof(SeedOptions.Users) },
        { new SeedOptions { Users = SeedOptions.MaxUsers + 1, AvgInteractions = 1, AvgFollows = 1 }, nameof(SeedOptions.Users) },
        { new SeedOptions { Topics = 2 }, nameof(SeedOptions.Topics) },
        { new SeedOptions { Communities = 0 }, nameof(SeedOptions.Communities) },
        { new SeedOptions { Users = 100, Communities = 21 }, nameof(SeedOptions.Communities) },
        { new SeedOptions { Contents = 10 }, nameof(SeedOptions.Contents) },
        { new SeedOptions { AvgFollows = 0.5 }, nameof(SeedOptions.AvgFollows) },
        { new SeedOptions { Users = 100, AvgFollows = 60 }, nameof(SeedOptions.AvgFollows) },
        { new SeedOptions { AvgInteractions = 0 }, nameof(SeedOptions.AvgInteractions) },
        { new SeedOptions { Days = 0 }, nameof(SeedOptions.Days) },
        { new SeedOptions { SocialInfluence = 1.5 }, nameof(SeedOptions.SocialInfluence) },
        { new SeedOptions { WithinCommunityFollow = -0.1 }, nameof(SeedOptions.WithinCommunityFollow) },
        { new SeedOptions { PersonalTaste = double.NaN }, nameof(SeedOptions.PersonalTaste) },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Validate_OptionOutOfRange_ThrowsNamingIt(SeedOptions options, string name)
    {
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(name, error.ParamName);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Accepted()
    {
        var options = new SeedOptions();
        options.Validate();
        Assert.Equal(4_000, options.ContentCount);
        Assert.Equal(1_748_736_000_000, options.StartMs); // 2025-06-01T00:00:00Z
        Assert.Equal(options.StartMs + 180 * 86_400_000L, options.EndMs);
    }

    [Fact]
    public void Generate_InvalidOptions_ThrowsBeforeWritingAnything()
    {
        using var folder = new TempFolder();
        var target = folder.File("out");
        Assert.Throws<ArgumentException>(() => new SeedGenerator(new SeedOptions { Users = 1 }).Generate(target));
        Assert.False(Directory.Exists(target));
    }
}
