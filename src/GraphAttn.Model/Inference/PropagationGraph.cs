using GraphAttn.Graph;
using GraphAttn.Model.Modeling;

namespace GraphAttn.Model.Inference;

/// <summary>
/// The interaction graph that <see cref="Modeling.InteractionPropagation"/> walks: every DISTINCT (user, content) pair
/// of a graph's log (repeat plays count once, as in <see cref="UserBlock.Full"/>), as CSR both ways, with each node's
/// degree. Built once per graph; immutable. Shapes: UserContents CSR over U, ContentUsers CSR over Cn.
/// </summary>
public sealed class PropagationGraph
{
    private readonly Lazy<PropagationEdges> userHop, contentHop, friendHop;

    private PropagationGraph(TargetEdges userContents, TargetEdges contentUsers, TargetEdges friends)
    {
        UserContents = userContents;
        ContentUsers = contentUsers;
        Friends = friends;
        UserDegree = Degrees(userContents);
        ContentDegree = Degrees(contentUsers);
        FriendDegree = Degrees(friends);
        userHop = new Lazy<PropagationEdges>(() => PropagationEdges.Weigh(UserContents, ContentDegree, null));
        contentHop = new Lazy<PropagationEdges>(() => PropagationEdges.Weigh(ContentUsers, UserDegree, null));
        friendHop = new Lazy<PropagationEdges>(() => PropagationEdges.Weigh(Friends, FriendDegree, null));
    }

    /// <summary>
    /// The undirected friendship graph (follows either way) of every user, ascending: what the friend propagation
    /// (<see cref="Modeling.ModelOptions.FriendPropagationLayers"/>) walks.
    /// </summary>
    public TargetEdges Friends { get; }

    /// <summary>[U] undirected friends per user.</summary>
    public float[] FriendDegree { get; }

    /// <summary>The whole-graph friend hop, [U, U] with weights 1/√(d_u d_v); weighed on first use and kept.</summary>
    internal PropagationEdges FriendHop => friendHop.Value;

    /// <summary>Distinct contents of every user, ascending (targets = all users in index order).</summary>
    public TargetEdges UserContents { get; }

    /// <summary>Distinct users of every content, ascending (targets = all contents in index order).</summary>
    public TargetEdges ContentUsers { get; }

    /// <summary>[U] distinct contents per user.</summary>
    public float[] UserDegree { get; }

    /// <summary>[Cn] distinct users per content.</summary>
    public float[] ContentDegree { get; }

    /// <summary>
    /// The whole-graph hop onto users, [U, Cn] with weights 1/√(d_u d_c); weighed on first use and kept, with its
    /// transpose, because training multiplies by it every step (16 bytes per pair with the transpose: 160 MB for both hops of the
    /// 100k-user benchmark graph's 5M pairs).
    /// </summary>
    internal PropagationEdges UserHop => userHop.Value;

    /// <summary>The whole-graph hop onto contents, [Cn, U]; see <see cref="UserHop"/>.</summary>
    internal PropagationEdges ContentHop => contentHop.Value;

    /// <summary>The distinct interaction pairs and the undirected friendships of <paramref name="graph"/>.</summary>
    public static PropagationGraph From(SocialGraph graph)
    {
        var perUser = new List<int>[graph.UserCount];
        var perContent = new List<int>[graph.ContentCount];
        for (var c = 0; c < perContent.Length; c++) perContent[c] = [];
        for (var u = 0; u < perUser.Length; u++)
        {
            var distinct = new SortedSet<int>();
            foreach (var c in graph.Interactions.ContentOf(u)) distinct.Add(c);
            perUser[u] = [.. distinct];
            foreach (var c in distinct) perContent[c].Add(u); // users visited ascending, so each list is ascending
        }
        var friends = Neighbourhood.Undirected(graph);
        return new PropagationGraph(TargetEdges.FromLists(perUser), TargetEdges.FromLists(perContent),
            TargetEdges.All(friends, [.. Enumerable.Range(0, graph.UserCount)]));
    }

    private static float[] Degrees(TargetEdges edges)
    {
        var degree = new float[edges.TargetCount];
        for (var t = 0; t < degree.Length; t++) degree[t] = edges.Offsets[t + 1] - edges.Offsets[t];
        return degree;
    }
}
