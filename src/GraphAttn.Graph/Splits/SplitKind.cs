namespace GraphAttn.Graph.Splits;

/// <summary>How content interactions are held out.</summary>
public enum SplitKind
{
    /// <summary>Random 8:1:1 per user (RecBole's RS convention), see <see cref="RandomRatioSplitter"/>.</summary>
    Random,
    /// <summary>Temporal leave-last-out per user, see <see cref="LeaveLastOutSplitter"/>.</summary>
    Temporal,
}
