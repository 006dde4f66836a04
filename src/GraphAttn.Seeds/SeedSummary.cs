namespace GraphAttn.Seeds;

/// <summary>Counts of what one generation wrote; contains nothing time-dependent, so it is reproducible.</summary>
public sealed record SeedSummary
{
    /// <summary>Rows in users.csv.</summary>
    public required int Users { get; init; }

    /// <summary>Rows in contents.csv.</summary>
    public required int Contents { get; init; }

    /// <summary>Rows in topics.csv.</summary>
    public required int Topics { get; init; }

    /// <summary>Rows in follows.csv (deduplicated, no self-loops).</summary>
    public required long Follows { get; init; }

    /// <summary>Rows in interactions.csv.</summary>
    public required long Interactions { get; init; }

    /// <summary>Interactions copied from a followee's recent items (the planted social influence).</summary>
    public required long SocialInteractions { get; init; }

    /// <summary>Rows in posted.csv (one author per content).</summary>
    public required int Posted { get; init; }

    /// <summary>Rows in tagged.csv (1-3 topics per content).</summary>
    public required long Tagged { get; init; }

    /// <summary>Total bytes of every file written, planted truth included.</summary>
    public required long Bytes { get; init; }
}
