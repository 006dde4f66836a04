using GraphAttn.Graph;

namespace GraphAttn.Serving.Events;

/// <summary>An interaction recorded live (not yet in the loaded graph), by external content id.</summary>
public sealed record LiveInteraction(string ContentId, InteractionKind Kind, long TimestampMs);
