namespace GraphAttn.Neo4j.Values;

/// <summary>Date (0x44): days since 1970-01-01.</summary>
public sealed record LocalDate(long EpochDays) : IPackStreamStructure
{
    /// <inheritdoc />
    public byte Signature => StructureSignature.Date;

    /// <inheritdoc />
    public IReadOnlyList<object?> Fields => [EpochDays];

    /// <summary>The date as a <see cref="DateOnly"/> (throws when outside its range).</summary>
    public DateOnly ToDateOnly() => DateOnly.FromDayNumber(checked((int)(EpochDays + 719162)));
}

/// <summary>Time (0x54): nanoseconds since midnight plus a UTC offset in seconds.</summary>
public sealed record OffsetTime(long NanosOfDay, long OffsetSeconds) : IPackStreamStructure
{
    /// <inheritdoc />
    public byte Signature => StructureSignature.Time;

    /// <inheritdoc />
    public IReadOnlyList<object?> Fields => [NanosOfDay, OffsetSeconds];
}

/// <summary>LocalTime (0x74): nanoseconds since midnight.</summary>
public sealed record LocalTime(long NanosOfDay) : IPackStreamStructure
{
    /// <inheritdoc />
    public byte Signature => StructureSignature.LocalTime;

    /// <inheritdoc />
    public IReadOnlyList<object?> Fields => [NanosOfDay];
}

/// <summary>DateTime (0x49, Bolt 5): UTC seconds since the epoch, nanoseconds, and the offset to show it in.</summary>
public sealed record OffsetDateTime(long EpochSeconds, long Nanos, long OffsetSeconds) : IPackStreamStructure
{
    /// <inheritdoc />
    public byte Signature => StructureSignature.DateTime;

    /// <inheritdoc />
    public IReadOnlyList<object?> Fields => [EpochSeconds, Nanos, OffsetSeconds];

    /// <summary>The instant with its offset (sub-100 ns precision dropped).</summary>
    public DateTimeOffset ToDateTimeOffset() => DateTimeOffset.FromUnixTimeSeconds(EpochSeconds)
        .AddTicks(Nanos / 100).ToOffset(TimeSpan.FromSeconds(OffsetSeconds));
}

/// <summary>DateTimeZoneId (0x69, Bolt 5): UTC seconds since the epoch, nanoseconds, IANA zone name.</summary>
public sealed record ZonedDateTime(long EpochSeconds, long Nanos, string ZoneId) : IPackStreamStructure
{
    /// <inheritdoc />
    public byte Signature => StructureSignature.DateTimeZoneId;

    /// <inheritdoc />
    public IReadOnlyList<object?> Fields => [EpochSeconds, Nanos, ZoneId];
}

/// <summary>LocalDateTime (0x64): seconds since the epoch on a wall clock, nanoseconds.</summary>
public sealed record LocalDateTime(long EpochSeconds, long Nanos) : IPackStreamStructure
{
    /// <inheritdoc />
    public byte Signature => StructureSignature.LocalDateTime;

    /// <inheritdoc />
    public IReadOnlyList<object?> Fields => [EpochSeconds, Nanos];
}

/// <summary>Duration (0x45): months, days, seconds and nanoseconds, kept apart as Cypher does.</summary>
public sealed record Duration(long Months, long Days, long Seconds, long Nanos) : IPackStreamStructure
{
    /// <inheritdoc />
    public byte Signature => StructureSignature.Duration;

    /// <inheritdoc />
    public IReadOnlyList<object?> Fields => [Months, Days, Seconds, Nanos];
}
