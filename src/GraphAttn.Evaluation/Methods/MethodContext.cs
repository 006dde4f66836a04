using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;

namespace GraphAttn.Evaluation.Methods;

/// <summary>What a method may train on: only the training part of a split.</summary>
/// <param name="Train">The graph without held-out interactions and follows (same indices as the full graph).</param>
/// <param name="TrainInteractions">Users x contents seen in training.</param>
/// <param name="TrainFriends">Undirected training friendships (follows either way).</param>
/// <param name="Seed">Seed for methods with random initialisation or sampling.</param>
public sealed record MethodContext(SocialGraph Train, SparseBinaryMatrix TrainInteractions, Csr TrainFriends, int Seed);
