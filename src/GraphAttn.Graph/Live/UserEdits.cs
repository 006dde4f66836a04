using System.Collections.Immutable;

namespace GraphAttn.Graph.Live;

/// <summary>
/// One user's edits in one overlay layer. Immutable: a new event makes a new record that shares the old one's
/// structure (persistent collections, O(log n) per event), so a request reads it without a lock or a copy, and a user
/// with thousands of events between compactions (a bot, an import) costs no more per event than one with a few.
/// </summary>
public sealed class UserEdits
{
    private UserEdits(ImmutableList<OverlayInteraction> interactions, ImmutableHashSet<OverlayInteraction> held, ImmutableHashSet<int> seen,
        ImmutableDictionary<int, FollowEdit> follows, long version)
    {
        Interactions = interactions;
        _held = held;
        Seen = seen;
        Follows = follows;
        Version = version;
    }

    private readonly ImmutableHashSet<OverlayInteraction> _held;

    /// <summary>No edits.</summary>
    public static UserEdits Empty { get; } = new([], [], [], ImmutableDictionary<int, FollowEdit>.Empty, 0);

    /// <summary>Interactions in the order they were applied.</summary>
    public ImmutableList<OverlayInteraction> Interactions { get; }

    /// <summary>Distinct content indices of <see cref="Interactions"/>.</summary>
    public ImmutableHashSet<int> Seen { get; }

    /// <summary>The latest edit per followee, keyed by <see cref="FollowEdit.Target"/>.</summary>
    public ImmutableDictionary<int, FollowEdit> Follows { get; }

    /// <summary>Applier sequence number of the last event in this record.</summary>
    public long Version { get; }

    /// <summary>Whether the user interacted with <paramref name="content"/> in this layer.</summary>
    public bool HasSeen(int content) => Seen.Contains(content);

    /// <summary>Whether this layer holds an interaction equal to <paramref name="interaction"/>.</summary>
    public bool Holds(OverlayInteraction interaction) => _held.Contains(interaction);

    /// <summary>The edit of the pair (user, <paramref name="target"/>) in this layer, if any.</summary>
    public bool TryGetFollow(int target, out FollowEdit edit) => Follows.TryGetValue(target, out edit);

    /// <summary>This record plus an interaction.</summary>
    public UserEdits With(OverlayInteraction interaction, long version) =>
        new(Interactions.Add(interaction), _held.Add(interaction), Seen.Add(interaction.Content), Follows, version);

    /// <summary>This record with <paramref name="edit"/> replacing any earlier edit of the same pair.</summary>
    public UserEdits With(FollowEdit edit, long version) =>
        new(Interactions, _held, Seen, Follows.SetItem(edit.Target, edit), version);

    /// <summary>Approximate managed bytes this record holds (tree nodes included), for the overlay's size.</summary>
    public long ApproximateBytes => 128 + (Interactions.Count * 136L) + (Seen.Count * 40L) + (Follows.Count * 64L);
}
