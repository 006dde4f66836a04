namespace GraphAttn.Model.Training;

/// <summary>The vectors one step scores, looked up by global index.</summary>
/// <param name="Users">User vectors (content score = user . content).</param>
/// <param name="Contents">Content vectors.</param>
/// <param name="Friends">Friend vectors (friend score = friend_u . friend_v).</param>
/// <param name="Edges">Attention edges the forward pass attended over.</param>
public sealed record StepVectors(VectorLookup Users, VectorLookup Contents, VectorLookup Friends, long Edges);
