using GraphAttn.Model.Inference;

namespace GraphAttn.Model.Sampling;

/// <summary>
/// What one mini-batch step computes, in the per-target forward's input form: target users with sampled followees and
/// interacted contents (and their unsampled last-L history), and target contents with sampled interacting users.
/// Targets are global indices, ascending and distinct.
/// </summary>
/// <param name="Users">Input of <see cref="Modeling.SocialRecModel.ForwardUsers"/>.</param>
/// <param name="Contents">Input of <see cref="Modeling.SocialRecModel.ForwardContents"/>.</param>
public sealed record SampledBlock(UserBlock Users, ContentBlock Contents)
{
    /// <summary>Sampled edges over all relations (self-loops and history not counted).</summary>
    public long EdgeCount => (long)Users.Followees.EdgeCount + Users.Contents.EdgeCount + Contents.Users.EdgeCount;
}
