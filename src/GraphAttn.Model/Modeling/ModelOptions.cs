namespace GraphAttn.Model.Modeling;

/// <summary>Hyper-parameters of <see cref="SocialRecModel"/>; saved with every checkpoint.</summary>
public sealed record ModelOptions
{
    /// <summary>Largest <see cref="PropagationLayers"/> accepted: deeper propagation over-smooths.</summary>
    public const int MaxPropagationLayers = 4;

    /// <summary>Embedding width D of users, contents and topics (default 64; must be Heads x a whole number).</summary>
    public int Dimension { get; init; } = 64;

    /// <summary>Attention heads of every GAT layer and of the history encoder (default 4).</summary>
    public int Heads { get; init; } = 4;

    /// <summary>History length L: the last L interactions of a user feed the history encoder (default 30).</summary>
    public int HistoryLength { get; init; } = 30;

    /// <summary>
    /// Transformer encoder layers of the history encoder before its attention pooling (default 0: the tokens are pooled
    /// as they are; 1 adds one layer, older checkpoints' only choice). Only 0 and 1 are supported. The layer was most of a
    /// training step (5.2 of 7.0 s forward and backward at 30k users) and gave no measured gain on Last.fm.
    /// </summary>
    public int HistoryLayers { get; init; }

    /// <summary>Attention dropout in the GAT layers during training (default 0.3).</summary>
    public float AttentionDropout { get; init; } = 0.3f;

    /// <summary>Dropout inside the history transformer during training (default 0.3; no effect without the layer).</summary>
    public double HistoryDropout { get; init; } = 0.3;

    /// <summary>Number of log2 age buckets (in days before the user's latest interaction) for history tokens (default 16).</summary>
    public int TimeBuckets { get; init; } = 16;

    /// <summary>
    /// Scale user, content and friend vectors to unit length (default false), so every score is a cosine in [-1, 1];
    /// pairs with the softmax loss's temperature, which then sets how sharp the ranking is.
    /// </summary>
    public bool Normalize { get; init; }

    /// <summary>
    /// Layers K of the parameter-free interaction propagation (<see cref="InteractionPropagation"/>) added to the user
    /// and content vectors (default 2; 0 turns it off, as every checkpoint written before it existed has it).
    /// </summary>
    public int PropagationLayers { get; init; } = 2;

    /// <summary>
    /// Layers K_f of a parameter-free propagation over the undirected friendship graph added to the friend vectors
    /// (<see cref="FriendPropagation"/>; default 2; 0 = off, as every checkpoint written before it existed has it): friend
    /// vector = friend map of the user vector + mean(F¹..F^K_f), Fᵏ⁺¹ = S Fᵏ with S = D^{-1/2} A D^{-1/2} and F⁰ the user id
    /// vectors, as LightGCN does over friendships.
    /// </summary>
    public int FriendPropagationLayers { get; init; } = 2;

    /// <summary>True when the model reads whole-graph propagation tables (either propagation is on).</summary>
    public bool NeedsPropagationTables => PropagationLayers > 0 || FriendPropagationLayers > 0;

    /// <summary>Checks the sizes; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (Dimension <= 0 || Heads <= 0 || Dimension % Heads != 0)
            throw new ArgumentException($"Dimension ({Dimension}) must be a positive multiple of Heads ({Heads})");
        if (HistoryLayers is < 0 or > 1) throw new ArgumentException($"HistoryLayers must be 0 or 1, got {HistoryLayers}");
        if (HistoryLength <= 0) throw new ArgumentException($"HistoryLength must be positive, got {HistoryLength}");
        if (AttentionDropout is < 0f or >= 1f) throw new ArgumentException($"AttentionDropout must be in [0, 1), got {AttentionDropout}");
        if (HistoryDropout is < 0 or >= 1) throw new ArgumentException($"HistoryDropout must be in [0, 1), got {HistoryDropout}");
        if (PropagationLayers is < 0 or > MaxPropagationLayers)
            throw new ArgumentException($"PropagationLayers must be in 0..{MaxPropagationLayers}, got {PropagationLayers}");
        if (FriendPropagationLayers is < 0 or > MaxPropagationLayers)
            throw new ArgumentException($"FriendPropagationLayers must be in 0..{MaxPropagationLayers}, got {FriendPropagationLayers}");
        if (TimeBuckets <= 0) throw new ArgumentException($"TimeBuckets must be positive, got {TimeBuckets}");
    }
}
