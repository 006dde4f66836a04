namespace GraphAttn.Model.Training;

/// <summary>
/// What one training step created, for memory checks and benchmarks.
/// </summary>
/// <param name="Step">0-based step over the whole run.</param>
/// <param name="Users">Users whose vectors the step computed (all users in full-graph mode).</param>
/// <param name="Contents">Contents whose vectors the step computed.</param>
/// <param name="Edges">Attention edges the step attended over (sampled edges plus self-loops in mini-batch mode).</param>
/// <param name="Tensors">Tensors the forward pass and loss created (those still alive in the step's dispose scope;
/// parameter views, which share the weights' storage, are not counted).</param>
/// <param name="Elements">Elements (floats, indices) in those tensors, before the backward pass.</param>
public sealed record StepStats(int Step, int Users, int Contents, long Edges, int Tensors, long Elements);
