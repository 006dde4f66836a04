using GraphAttn.Evaluation.Methods.Content;
using GraphAttn.Evaluation.Methods.Friends;
using GraphAttn.Evaluation.Methods.LightGcn;
using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;

namespace GraphAttn.Evaluation.Methods;

/// <summary>
/// Named methods the evaluation can run, each a factory that trains on a <see cref="MethodContext"/>. Names are
/// matched case-insensitively. <see cref="Default"/> holds the built-in baselines; hosts add more (the GAT model
/// from a checkpoint or snapshot) with <see cref="AddContent"/> / <see cref="AddFriend"/>.
/// </summary>
public sealed class MethodCatalog
{
    private readonly Dictionary<string, Func<MethodContext, IContentScorer>> _content = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<MethodContext, IFriendScorer>> _friends = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Content method names in registration order.</summary>
    public IReadOnlyList<string> ContentNames => [.. _content.Keys];

    /// <summary>Friend method names in registration order.</summary>
    public IReadOnlyList<string> FriendNames => [.. _friends.Keys];

    /// <summary>
    /// Content: pop, itemknn, bpr, lightgcn, graph-filter (GF-CF), recency-pop, server-fallback (the server's baseline). Friends:
    /// common-neighbours, adamic-adar (the product baseline), jaccard, preferential-attachment, lightgcn-friends,
    /// graph-filter-friends. A method for both tasks is registered under one name per task: the runner evaluates a name
    /// found among the content methods as content only.
    /// </summary>
    public static MethodCatalog Default()
    {
        var c = new MethodCatalog();
        c.AddContent("pop", m => new PopularityScorer(m.TrainInteractions));
        c.AddContent("itemknn", m => new ItemKnnScorer(m.TrainInteractions));
        c.AddContent("bpr", m => new BprScorer(m.TrainInteractions, new BprOptions { Seed = m.Seed }));
        c.AddContent("lightgcn", m => new LightGcnContentScorer(m.TrainInteractions, new LightGcnOptions { Seed = m.Seed }));
        c.AddContent("graph-filter", m => new GraphFilterContentScorer(m.Train, new GraphFilterOptions { Seed = m.Seed }));
        c.AddContent("recency-pop", m => new RecencyPopularityScorer(m.Train));
        c.AddContent("server-fallback", m => new GraphFilterPopularityScorer(m.Train));
        c.AddFriend("common-neighbours", m => new CommonNeighboursScorer(m.TrainFriends));
        c.AddFriend("adamic-adar", m => new AdamicAdarScorer(m.Train, m.TrainFriends));
        c.AddFriend("jaccard", m => new JaccardScorer(m.TrainFriends));
        c.AddFriend("preferential-attachment", m => new PreferentialAttachmentScorer(m.TrainFriends));
        c.AddFriend("lightgcn-friends", m => new LightGcnFriendScorer(m.TrainFriends, new LightGcnOptions { Seed = m.Seed }));
        c.AddFriend("graph-filter-friends", m => new GraphFilterFriendScorer(m.TrainFriends, new GraphFilterOptions { Seed = m.Seed }));
        return c;
    }

    /// <summary>Registers (or replaces) a content method.</summary>
    public void AddContent(string name, Func<MethodContext, IContentScorer> factory) => _content[name] = factory;

    /// <summary>Registers (or replaces) a friend method.</summary>
    public void AddFriend(string name, Func<MethodContext, IFriendScorer> factory) => _friends[name] = factory;

    /// <summary>True when <paramref name="name"/> is a content method.</summary>
    public bool IsContent(string name) => _content.ContainsKey(name);

    /// <summary>True when <paramref name="name"/> is a friend method.</summary>
    public bool IsFriend(string name) => _friends.ContainsKey(name);

    /// <summary>
    /// The (method, task) pairs a request names, in order and without repeats: <c>all</c> = every content method then
    /// every friend method, <c>content</c>, <c>friends</c>, or a method name, which selects every task it is registered
    /// for (a method such as the model that does both is evaluated on both).
    /// </summary>
    /// <exception cref="ArgumentException">For a name the catalogue does not know.</exception>
    public IReadOnlyList<MethodChoice> Choose(IEnumerable<string> requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var chosen = new List<MethodChoice>();
        foreach (var name in requested)
        {
            var all = name.Equals("all", StringComparison.OrdinalIgnoreCase);
            var contentOnly = name.Equals("content", StringComparison.OrdinalIgnoreCase);
            var friendsOnly = name.Equals("friends", StringComparison.OrdinalIgnoreCase);
            IEnumerable<MethodChoice> expanded = all || contentOnly || friendsOnly
                ? (all || contentOnly ? ContentNames.Select(n => new MethodChoice(n, EvaluationRunner.ContentTask)) : [])
                    .Concat(all || friendsOnly ? FriendNames.Select(n => new MethodChoice(n, EvaluationRunner.FriendTask)) : [])
                : Named(name);
            foreach (var choice in expanded)
            {
                if (!chosen.Contains(choice)) chosen.Add(choice);
            }
        }

        return chosen;
    }

    private IEnumerable<MethodChoice> Named(string name)
    {
        if (!IsContent(name) && !IsFriend(name))
            throw new ArgumentException($"Unknown method {name}; known: {string.Join(", ", ContentNames.Concat(FriendNames).Distinct())}.");
        if (IsContent(name)) yield return new MethodChoice(name, EvaluationRunner.ContentTask);
        if (IsFriend(name)) yield return new MethodChoice(name, EvaluationRunner.FriendTask);
    }

    /// <summary>Trains content method <paramref name="name"/>.</summary>
    public IContentScorer Content(string name, MethodContext context) => _content[name](context);

    /// <summary>Trains friend method <paramref name="name"/>.</summary>
    public IFriendScorer Friend(string name, MethodContext context) => _friends[name](context);
}
