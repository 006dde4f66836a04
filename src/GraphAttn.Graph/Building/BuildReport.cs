namespace GraphAttn.Graph;

/// <summary>Input that <see cref="GraphBuilder"/> accepted but did not keep as given.</summary>
public sealed class BuildReport
{
    /// <summary>FOLLOWS relationships from a user to themself, dropped.</summary>
    public int SelfFollowsDropped { get; internal set; }

    /// <summary>Repeated FOLLOWS relationships between the same pair, kept once.</summary>
    public int DuplicateFollowsCollapsed { get; internal set; }
}
