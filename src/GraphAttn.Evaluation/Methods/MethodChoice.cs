namespace GraphAttn.Evaluation.Methods;

/// <summary>One method on one task (<see cref="EvaluationRunner.ContentTask"/> or <see cref="EvaluationRunner.FriendTask"/>).</summary>
/// <param name="Name">Catalogue name, e.g. <c>bpr</c>.</param>
/// <param name="Task">The task it is evaluated on.</param>
public readonly record struct MethodChoice(string Name, string Task);
