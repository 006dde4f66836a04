using System.Globalization;

namespace GraphAttn.Model.Sampling;

/// <summary>
/// How many in-edges <see cref="NeighbourSampler"/> keeps per target and relation. A target whose degree is at most the
/// fan-out keeps all its edges; <see cref="int.MaxValue"/> keeps every edge (exact, full-neighbour blocks).
/// </summary>
/// <param name="Follows">Followees per user (the follow relation; the self-loop is never sampled away). Default 10.</param>
/// <param name="Interactions">Interacted contents per user (the interaction relation as the user sees it). Default 10.</param>
/// <param name="ContentUsers">Interacting users per content (the interaction relation as the content sees it). Default 10.</param>
public sealed record FanOut(int Follows = 10, int Interactions = 10, int ContentUsers = 10)
{
    /// <summary>Keeps every edge: blocks equal the full neighbourhood.</summary>
    public static FanOut All { get; } = new(int.MaxValue, int.MaxValue, int.MaxValue);

    /// <summary>
    /// Parses <c>"10"</c> (the same fan-out for every relation) or <c>"follows,interactions,content-users"</c>,
    /// e.g. <c>"10,10,10"</c>; <c>"all"</c> is <see cref="All"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Not one or three positive integers.</exception>
    public static FanOut Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)) return All;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] <= 0)
                throw new ArgumentException($"fan-out '{text}': '{parts[i]}' is not a positive integer");
        return values.Length switch
        {
            1 => new FanOut(values[0], values[0], values[0]),
            3 => new FanOut(values[0], values[1], values[2]),
            _ => throw new ArgumentException($"fan-out '{text}': give one value or three (follows,interactions,content-users)"),
        };
    }

    /// <inheritdoc />
    public override string ToString() => this == All ? "all" : $"{Follows},{Interactions},{ContentUsers}";
}
