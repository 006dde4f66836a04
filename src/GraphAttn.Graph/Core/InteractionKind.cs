namespace GraphAttn.Graph;

/// <summary>What a user did with a piece of content. Stored as one byte per interaction.</summary>
public enum InteractionKind : byte
{
    /// <summary>Opened or watched it.</summary>
    View = 0,
    /// <summary>Liked it.</summary>
    Like = 1,
    /// <summary>Commented on it.</summary>
    Comment = 2,
    /// <summary>Shared it.</summary>
    Share = 3,
    /// <summary>Played it (music, games); weight usually counts plays.</summary>
    Play = 4,
}
