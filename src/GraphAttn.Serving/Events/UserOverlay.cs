using GraphAttn.Graph;
using GraphAttn.Graph.Live;

namespace GraphAttn.Serving.Events;

/// <summary>
/// One user's live edits as one request sees them: references to the user's immutable records in each overlay layer,
/// taken when the request resolved the user. Nothing is copied; the sets are read in place (the id lists for the
/// online model are built only when asked for). <see cref="Version"/> grows with every event of the user, folded or
/// not, so results derived from their neighbourhood (an online embedding) can be cached until it moves.
/// </summary>
public sealed class UserOverlay
{
    /// <summary>Live interactions the online model sees per user (older ones are in the graph's history).</summary>
    public const int RecentInteractions = 64;

    private readonly SocialGraph? _graph;
    private readonly UserEdits?[] _layers;
    private IReadOnlyCollection<string>? _followed;
    private IReadOnlyList<LiveInteraction>? _recent;

    private UserOverlay(SocialGraph? graph, UserEdits?[] layers, long version)
    {
        _graph = graph;
        _layers = layers;
        Version = version;
    }

    /// <summary>No events.</summary>
    public static UserOverlay Empty { get; } = new(null, [], 0);

    /// <summary>The live edits of graph user <paramref name="user"/> in <paramref name="live"/>.</summary>
    public static UserOverlay Of(LiveGraph live, int user)
    {
        ArgumentNullException.ThrowIfNull(live);
        return new UserOverlay(live.Graph, live.EditsOf(user), live.VersionOf(user));
    }

    /// <summary>Version of the user's last live event (0 = none since the graph was loaded).</summary>
    public long Version { get; }

    /// <summary>Whether nothing was recorded for this user since the graph was loaded.</summary>
    public bool IsEmpty => Version == 0;

    /// <summary>Interactions held by the overlay (not yet in the graph's history).</summary>
    public int InteractionCount => _layers.Sum(l => l?.Interactions.Count ?? 0);

    /// <summary>Content indices the user interacted with in the overlay (a content may appear once per layer).</summary>
    public IEnumerable<int> SeenContent
    {
        get
        {
            foreach (UserEdits? layer in _layers)
            {
                if (layer is null)
                {
                    continue;
                }

                foreach (int c in layer.Seen)
                {
                    yield return c;
                }
            }
        }
    }

    /// <summary>Interactions held by the overlay, oldest layer first, each layer in arrival order.</summary>
    public IEnumerable<OverlayInteraction> Interactions => _layers.Where(l => l is not null).SelectMany(l => l!.Interactions);

    /// <summary>Whether the overlay holds an interaction with <paramref name="content"/>.</summary>
    public bool HasSeen(int content)
    {
        foreach (UserEdits? layer in _layers)
        {
            if (layer is not null && layer.HasSeen(content))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The user's latest follow or unfollow of <paramref name="followee"/> in the overlay, if any.</summary>
    public bool TryGetFollowEdit(int followee, out FollowEdit edit)
    {
        for (int i = _layers.Length - 1; i >= 0; i--)
        {
            if (_layers[i] is { } layer && layer.TryGetFollow(followee, out edit))
            {
                return true;
            }
        }

        edit = default;
        return false;
    }

    /// <summary>The latest edit per followee across layers (each followee once).</summary>
    public IEnumerable<FollowEdit> FollowEdits
    {
        get
        {
            for (int i = _layers.Length - 1; i >= 0; i--)
            {
                if (_layers[i] is not { } layer)
                {
                    continue;
                }

                foreach (FollowEdit edit in layer.Follows.Values)
                {
                    if (!NewerLayerHas(i, edit.Target))
                    {
                        yield return edit;
                    }
                }
            }
        }
    }

    /// <summary>Ids of the users followed by live events (built on first use, for the online model).</summary>
    public IReadOnlyCollection<string> Followed =>
        _followed ??= _graph is null ? [] : [.. FollowEdits.Where(e => e.Follows).Select(e => _graph.Users[e.Target])];

    /// <summary>Live interactions, newest first, at most <see cref="RecentInteractions"/> (built on first use).</summary>
    public IReadOnlyList<LiveInteraction> Recent =>
        _recent ??= _graph is null ? [] : [.. Interactions.OrderByDescending(x => x.TimestampMs).Take(RecentInteractions)
            .Select(x => new LiveInteraction(_graph.Contents[x.Content], x.Kind, x.TimestampMs))];

    private bool NewerLayerHas(int layer, int followee)
    {
        for (int i = layer + 1; i < _layers.Length; i++)
        {
            if (_layers[i] is { } newer && newer.TryGetFollow(followee, out _))
            {
                return true;
            }
        }

        return false;
    }
}
