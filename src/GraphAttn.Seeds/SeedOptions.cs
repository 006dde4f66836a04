namespace GraphAttn.Seeds;

/// <summary>
/// What <see cref="SeedGenerator"/> builds. The same options always give byte-identical files.
/// Defaults describe the committed demo graph (graph-seeds/demo): 2,000 users, seed 42.
/// </summary>
public sealed record SeedOptions
{
    /// <summary>Largest user count: the event sort packs a user index into 22 bits.</summary>
    public const int MaxUsers = 1 << 22;

    /// <summary>Number of users. Default 2,000; 10 to <see cref="MaxUsers"/>.</summary>
    public int Users { get; init; } = 2_000;

    /// <summary>Seed of every random stream. Default 42.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Number of topics. Default 48; 3 to 9,999.</summary>
    public int Topics { get; init; } = 48;

    /// <summary>Number of planted communities. Default 12; 1 to min(1,000, Users / 5).</summary>
    public int Communities { get; init; } = 12;

    /// <summary>Number of content items; null means 2 x <see cref="Users"/>. At least <see cref="Topics"/>.</summary>
    public int? Contents { get; init; }

    /// <summary>Mean follows per user before de-duplication. Default 20; at least 1, below Users.</summary>
    public double AvgFollows { get; init; } = 20;

    /// <summary>Mean interactions per user. Default 30; every user gets at least 3.</summary>
    public double AvgInteractions { get; init; } = 30;

    /// <summary>Start of the interaction window (UTC). Default 2025-06-01. Users join and follow before it.</summary>
    public DateOnly Start { get; init; } = new(2025, 6, 1);

    /// <summary>Length of the interaction window in days. Default 180; 1 to 3,650.</summary>
    public int Days { get; init; } = 180;

    /// <summary>Share of follows that stay inside the follower's community. Default 0.8.</summary>
    public double WithinCommunityFollow { get; init; } = 0.8;

    /// <summary>Share of interactions copied from a followee's recent items (social influence). Default 0.25.</summary>
    public double SocialInfluence { get; init; } = 0.25;

    /// <summary>Share of a user's interest mass on personal topics outside the community mix. Default 0.25.</summary>
    public double PersonalTaste { get; init; } = 0.25;

    /// <summary>Content count after applying the default.</summary>
    public int ContentCount => Contents ?? 2 * Users;

    /// <summary>Window start in epoch milliseconds.</summary>
    public long StartMs => new DateTimeOffset(Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>Window end (exclusive) in epoch milliseconds.</summary>
    public long EndMs => StartMs + Days * 86_400_000L;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Require(Users is >= 10 and <= MaxUsers, nameof(Users), $"must be 10..{MaxUsers}, got {Users}");
        Require(Topics is >= 3 and <= 9_999, nameof(Topics), $"must be 3..9999, got {Topics}");
        Require(Communities >= 1 && Communities <= Math.Min(1_000, Users / 5), nameof(Communities), $"must be 1..min(1000, Users/5), got {Communities}");
        Require(ContentCount >= Topics && ContentCount <= 100_000_000, nameof(Contents), $"must be Topics ({Topics})..100000000, got {ContentCount}");
        Require(AvgFollows >= 1 && AvgFollows <= (Users - 1) / 2.0, nameof(AvgFollows), $"must be 1..(Users-1)/2, got {AvgFollows}");
        Require(AvgInteractions is >= 1 and <= 10_000, nameof(AvgInteractions), $"must be 1..10000, got {AvgInteractions}");
        Require(Users * AvgFollows <= 500_000_000, nameof(AvgFollows), $"gives {Users * AvgFollows:0} follows, above 500,000,000");
        Require(Users * AvgInteractions <= 1_000_000_000, nameof(AvgInteractions), $"gives {Users * AvgInteractions:0} interactions, above 1,000,000,000");
        Require(Days is >= 1 and <= 3_650, nameof(Days), $"must be 1..3650, got {Days}");
        Require(Start.Year is >= 1980 and <= 2200, nameof(Start), $"must be in 1980..2200, got {Start:yyyy-MM-dd}");
        Require(WithinCommunityFollow is >= 0 and <= 1, nameof(WithinCommunityFollow), $"must be 0..1, got {WithinCommunityFollow}");
        Require(SocialInfluence is >= 0 and <= 1, nameof(SocialInfluence), $"must be 0..1, got {SocialInfluence}");
        Require(PersonalTaste is >= 0 and <= 1, nameof(PersonalTaste), $"must be 0..1, got {PersonalTaste}");
    }

    private static void Require(bool ok, string name, string problem)
    {
        if (!ok) throw new ArgumentException($"Seed option {name} {problem}.", name);
    }
}
