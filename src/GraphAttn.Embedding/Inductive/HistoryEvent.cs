using GraphAttn.Graph;

namespace GraphAttn.Embedding.Inductive;

/// <summary>One interaction of a user with a content, e.g. a live event the graph does not have yet.</summary>
/// <param name="ContentId">External content id (events on contents the graph does not know are ignored).</param>
/// <param name="Kind">What the user did.</param>
/// <param name="TimestampMs">Unix epoch milliseconds.</param>
public sealed record HistoryEvent(string ContentId, InteractionKind Kind, long TimestampMs);
