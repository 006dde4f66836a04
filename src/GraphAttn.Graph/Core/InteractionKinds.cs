namespace GraphAttn.Graph;

/// <summary>Parsing and naming of <see cref="InteractionKind"/> as it appears in CSV files and on the wire.</summary>
public static class InteractionKinds
{
    /// <summary>Number of kinds (for embedding tables).</summary>
    public const int Count = 5;

    /// <summary>Parses the lower-case CSV spelling (view, like, comment, share, play); case-insensitive.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out InteractionKind kind)
    {
        // Dispatch on length first: this runs once per interaction row (millions per load).
        kind = text.Length switch
        {
            4 when text.Equals("view", StringComparison.OrdinalIgnoreCase) => InteractionKind.View,
            4 when text.Equals("like", StringComparison.OrdinalIgnoreCase) => InteractionKind.Like,
            4 when text.Equals("play", StringComparison.OrdinalIgnoreCase) => InteractionKind.Play,
            5 when text.Equals("share", StringComparison.OrdinalIgnoreCase) => InteractionKind.Share,
            7 when text.Equals("comment", StringComparison.OrdinalIgnoreCase) => InteractionKind.Comment,
            _ => (InteractionKind)255,
        };
        return (byte)kind != 255;
    }

    /// <summary>The CSV spelling of a kind.</summary>
    public static string ToCsv(this InteractionKind kind) => kind switch
    {
        InteractionKind.View => "view",
        InteractionKind.Like => "like",
        InteractionKind.Comment => "comment",
        InteractionKind.Share => "share",
        InteractionKind.Play => "play",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown interaction kind."),
    };
}
