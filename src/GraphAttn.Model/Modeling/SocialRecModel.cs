using GraphAttn.Model.Attention;
using GraphAttn.Model.Inference;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GraphAttn.Model.Modeling;

/// <summary>
/// The recommendation model. Steps of <see cref="forward"/> (D = embedding width, H heads of D/H channels):
/// <list type="number">
/// <item>content base = id embedding + mean of its topics' embeddings [Cn, D];</item>
/// <item>content = base + ELU(GAT over the users who interacted with it) [Cn, D];</item>
/// <item>social view of a user = id embedding + ELU(GAT over followees) + ELU(GAT over interacted contents): the
/// follow and interaction relations attend with separate layers [U, D];</item>
/// <item>history view = <see cref="HistoryEncoder"/> over the last L interactions [U, D];</item>
/// <item>user = g * social + (1 - g) * history with a learned per-dimension gate g = sigmoid(W [social; history]);</item>
/// <item>with <see cref="ModelOptions.PropagationLayers"/> K &gt; 0, users and contents add their K-hop interaction
/// propagation (<see cref="InteractionPropagation"/>) [U, D], [Cn, D];</item>
/// <item>friend vectors = a linear map of the user vectors (follow taste differs from content taste) [U, D];</item>
/// <item>with <see cref="ModelOptions.Normalize"/>, user, content and friend vectors at unit length.</item>
/// </list>
/// </summary>
public sealed class SocialRecModel : nn.Module<GraphInputs, ModelOutput>
{
    private readonly Embedding user_emb, content_emb, topic_emb;
    private readonly GatConv content_gat, follow_gat, interaction_gat;
    private readonly HistoryEncoder history;
    private readonly Linear gate, friend_proj;

    /// <summary>Creates the model for a graph of the given sizes.</summary>
    public SocialRecModel(int users, int contents, int topics, ModelOptions options, ulong seed = 0) : base("social_rec")
    {
        options.Validate();
        Options = options;
        int d = options.Dimension, h = options.Heads, c = options.Dimension / options.Heads;
        user_emb = nn.Embedding(users, d);
        content_emb = nn.Embedding(contents, d);
        topic_emb = nn.Embedding(Math.Max(1, topics), d);
        foreach (var e in new[] { user_emb, content_emb, topic_emb })
            using (no_grad()) e.weight!.normal_(0, 0.1);
        var p = options.AttentionDropout;
        content_gat = new GatConv("content_gat", d, targetFeatures: d, heads: h, channels: c, dropout: p, seed: seed + 1);
        follow_gat = new GatConv("follow_gat", d, heads: h, channels: c, dropout: p, seed: seed + 2);
        interaction_gat = new GatConv("interaction_gat", d, targetFeatures: d, heads: h, channels: c, dropout: p, seed: seed + 3);
        history = new HistoryEncoder("history", d, options);
        gate = nn.Linear(2 * d, d);
        friend_proj = nn.Linear(d, d);
        RegisterComponents();
    }

    /// <summary>The hyper-parameters this model was built with.</summary>
    public ModelOptions Options { get; }

    /// <summary>The follow-relation GAT layer (its attention explains influential friends).</summary>
    public GatConv FollowAttention => follow_gat;

    /// <summary>The history encoder (its pooling weights explain which history items matter).</summary>
    public HistoryEncoder History => history;

    /// <summary>Switches every GAT layer between fused kernels and the reference implementation.</summary>
    public void UseImplementation(GatImplementation implementation) =>
        content_gat.Implementation = follow_gat.Implementation = interaction_gat.Implementation = implementation;

    /// <inheritdoc />
    public override ModelOutput forward(GraphInputs graph)
    {
        // 1-2. content base from id and topics; contents attend to the users who interacted with them.
        var (contentBase, contents) = ContentsOf(graph);
        var users = user_emb.weight!; // [U, D]
        // 3. relation-aware social view: followees and interacted contents through separate attention layers.
        var social = users
            .Plus(Scalars.Elu(follow_gat.forward(users, users, graph.Follows)))
            .Plus(Scalars.Elu(interaction_gat.forward(contentBase, users, graph.ContentToUsers))); // [U, D]
        // 4. ordered history view.
        var historyView = history.forward(contentBase, graph.HistoryTensors); // [U, D]
        // 5. gate.
        var user = Fuse(social, historyView);
        // 6. interaction propagation through the same per-target sum the blocks use.
        var propagation = Options.NeedsPropagationTables
            ? graph.Propagation ?? throw new ArgumentException("the graph inputs were prepared for a model without propagation")
            : null;
        if (Options.PropagationLayers > 0)
        {
            var (userMean, contentMean) = InteractionPropagation.LayerMeans(users, contentBase, propagation!, Options.PropagationLayers);
            user = user.Plus(PropagationProduct.apply(contentMean, propagation!.UserHop));
            contents = contents.Plus(PropagationProduct.apply(userMean, propagation.ContentHop));
        }
        // 7. friend vectors, with the friendship propagation.
        var friends = friend_proj.forward(user);
        if (Options.FriendPropagationLayers > 0)
            friends = friends.Plus(PropagationProduct.apply(
                FriendPropagation.LayerMean(users, propagation!, Options.FriendPropagationLayers), propagation!.FriendHop));
        return new ModelOutput(Scaled(user), Scaled(contents), Scaled(friends));
    }

    /// <summary>
    /// Every content vector of <paramref name="graph"/> [Cn, D], for a model with propagation the whole-graph propagation
    /// tables, and the content base vectors [Cn, D] (for <see cref="BlockContext.ContentBases"/>): the half of
    /// <see cref="forward"/> that a training step needs in full (every content is a candidate), to be paired with
    /// <see cref="ForwardUsers"/> for the step's users only. Equals <see cref="forward"/>'s contents; the tables equal
    /// <see cref="Propagate"/>'s. Runs in the current mode and grad state.
    /// </summary>
    public (Tensor Contents, PropagationTables? Tables, Tensor Bases) ForwardGraphContents(GraphInputs graph)
    {
        var (contentBase, contents) = ContentsOf(graph);
        if (!Options.NeedsPropagationTables) return (Scaled(contents), null, contentBase);
        var propagation = graph.Propagation ?? throw new ArgumentException("the graph inputs were prepared for a model without propagation");
        var tables = Tables(user_emb.weight!, contentBase, propagation);
        if (Options.PropagationLayers > 0) contents = contents.Plus(PropagationProduct.apply(tables.Users, propagation.ContentHop));
        return (Scaled(contents), tables, contentBase);
    }

    /// <summary>The layer means of both propagations from layer-0 users [U, D] and content bases [Cn, D].</summary>
    private PropagationTables Tables(Tensor users, Tensor contentBase, PropagationGraph graph)
    {
        var (userMean, contentMean) = Options.PropagationLayers > 0
            ? InteractionPropagation.LayerMeans(users, contentBase, graph, Options.PropagationLayers)
            : (zeros(0, Options.Dimension), zeros(0, Options.Dimension));
        var friendMean = Options.FriendPropagationLayers > 0 ? FriendPropagation.LayerMean(users, graph, Options.FriendPropagationLayers) : null;
        return new PropagationTables(userMean, contentMean, graph, friendMean);
    }

    /// <summary>Content base vectors [Cn, D] and base + ELU(content GAT) [Cn, D] over the whole graph.</summary>
    private (Tensor Base, Tensor Contents) ContentsOf(GraphInputs graph)
    {
        var contentBase = ContentBase(content_emb.weight!, graph.Contents, graph.TopicContentTensor, graph.TopicIndexTensor,
            graph.TopicCountTensor); // [Cn, D]
        return (contentBase, contentBase.Plus(Scalars.Elu(content_gat.forward(user_emb.weight!, contentBase, graph.UsersToContent))));
    }

    /// <summary>
    /// The propagation tables of <paramref name="graph"/> under the current weights (see <see cref="PropagationTables"/>):
    /// layer 0 gathers every node's id row through <paramref name="context"/>'s row maps (a node without a row has a zero
    /// id vector, as in the blocks). Runs in the current grad state; the tensors belong to the caller's dispose scope.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model has no propagation.</exception>
    public PropagationTables Propagate(PropagationGraph graph, BlockContext context)
    {
        if (!Options.NeedsPropagationTables) throw new InvalidOperationException("this model has no propagation");
        var users = NodeTensors.Create(Enumerable.Range(0, graph.UserDegree.Length).ToArray(), context.Rows.UserRow)
            .Gather(user_emb.weight!);
        var c = ContentNodeTensors.Create(Enumerable.Range(0, graph.ContentDegree.Length).ToArray(), context);
        var contentBase = ContentBase(c.Nodes.Gather(content_emb.weight!), c.Nodes.Count, c.PairContent, c.PairTopic, c.TopicCount);
        return Tables(users, contentBase, graph);
    }

    /// <summary>The tables a block needs, or null for a model without propagation.</summary>
    private PropagationTables? Tables(BlockContext context) => !Options.NeedsPropagationTables ? null
        : context.Propagation ?? throw new ArgumentException(
            $"this model propagates over {Options.PropagationLayers} interaction and {Options.FriendPropagationLayers} friendship layers: the block context needs its propagation tables (SocialRecModel.Propagate)");

    /// <summary>
    /// Per-target user forward: user and friend vectors of <paramref name="block"/>'s targets from the given in-edges
    /// only. With every in-edge of every target (<see cref="UserBlock.Full"/>) it equals <see cref="forward"/> on the
    /// same targets; a mini-batch trainer passes sampled edges. Runs in the current training/eval mode and grad state;
    /// open a dispose scope around it. Shapes: T targets -> Users [T, D], Friends [T, D], HistoryWeights [T, L + 1],
    /// FollowAttention [E_f] (only with <paramref name="withAttention"/>, default false).
    /// </summary>
    /// <exception cref="ArgumentException">The block's parts disagree or list a target twice.</exception>
    public UserBlockOutput ForwardUsers(UserBlock block, BlockContext context, bool withAttention = false)
    {
        var layout = UserBlockLayout.Create(block, context);
        var t = layout.TargetCount;
        var c = layout.Contents;
        // 1. id vectors of the local users (targets first) and base vectors of the local contents.
        var users = layout.Users.Gather(user_emb.weight!); // [Nu, D]
        if (layout.Substitutes is { } substitutes) users = substitutes.Apply(users); // targets newer than the weights
        var contentBase = context.ContentBases is { } bases
            ? c.Nodes.Gather(bases) // [Nc, D], computed once for the whole graph by the caller
            : ContentBase(c.Nodes.Gather(content_emb.weight!), c.Nodes.Count, c.PairContent, c.PairTopic, c.TopicCount); // [Nc, D]
        var targets = users.narrow(0, 0, t); // [T, D]
        // 2. social view: only the first T local users receive follow edges, so the other rows are dropped.
        var social = targets
            .Plus(Scalars.Elu(follow_gat.forward(users, users, layout.Follows).narrow(0, 0, t)))
            .Plus(Scalars.Elu(interaction_gat.forward(contentBase, targets, layout.Interactions))); // [T, D]
        // 3. history view over the block's history rows (local content indices).
        var historyView = history.forward(contentBase, layout.History); // [T, D]
        var weights = history.LastPoolWeights!.clone(); // [T, L + 1], owned by the caller's scope
        // 4. gate, propagation, friend vectors, and (for explanations) the follow attention of the block's edges.
        var user = Fuse(social, historyView);
        var tables = Tables(context);
        if (tables is not null && Options.PropagationLayers > 0)
            user = user.Plus(InteractionPropagation.Aggregate(tables.Contents, block.Contents, tables.Graph.ContentDegree,
                block.Contents.Sampled ? t => tables.Graph.UserDegree[block.Targets[t]] : null));
        var friends = friend_proj.forward(user);
        if (tables is not null && Options.FriendPropagationLayers > 0)
            friends = friends.Plus(InteractionPropagation.Aggregate(tables.Friends!, FriendEdges(block, tables.Graph),
                tables.Graph.FriendDegree, null));
        var attention = withAttention ? FolloweeAttention(block, layout, users) : null;
        return new UserBlockOutput(Scaled(user), Scaled(friends), weights, attention);
    }

    /// <summary>
    /// Per-target content forward: content vectors of <paramref name="block"/>'s targets from the given interacting
    /// users only; with all of them (<see cref="ContentBlock.Full"/>) it equals <see cref="forward"/> on the same
    /// targets. Shapes: T targets -> [T, D].
    /// </summary>
    /// <exception cref="ArgumentException">The block's edges disagree with its targets or list a target twice.</exception>
    public Tensor ForwardContents(ContentBlock block, BlockContext context)
    {
        var layout = ContentBlockLayout.Create(block, context);
        var c = layout.Contents;
        var users = layout.Users.Gather(user_emb.weight!); // [Nu, D]
        var contentBase = ContentBase(c.Nodes.Gather(content_emb.weight!), c.Nodes.Count, c.PairContent, c.PairTopic,
            c.TopicCount); // [T, D]
        var contents = contentBase.Plus(Scalars.Elu(content_gat.forward(users, contentBase, layout.Edges)));
        if (Tables(context) is { } tables && Options.PropagationLayers > 0)
            contents = contents.Plus(InteractionPropagation.Aggregate(tables.Users, block.Users, tables.Graph.UserDegree,
                block.Users.Sampled ? t => tables.Graph.ContentDegree[block.Targets[t]] : null));
        return Scaled(contents);
    }

    /// <summary>
    /// Each target's friends for the friendship propagation: all of them (both directions) from the tables' graph, or
    /// the block's followees for a user that graph does not know (a new user embedded at request time).
    /// </summary>
    private static TargetEdges FriendEdges(UserBlock block, PropagationGraph graph)
    {
        var known = graph.FriendDegree.Length;
        var lists = new List<int>[block.Targets.Length];
        for (var t = 0; t < lists.Length; t++)
        {
            var target = block.Targets[t];
            lists[t] = target >= 0 && target < known ? [.. graph.Friends.Of(target)] : [.. block.Followees.Of(t)];
        }
        return TargetEdges.FromLists(lists);
    }

    /// <summary>The output vectors [N, D], at unit length when <see cref="ModelOptions.Normalize"/>.</summary>
    private Tensor Scaled(Tensor vectors) =>
        Options.Normalize ? vectors / vectors.pow(Scalars.Two).sum(1, keepdim: true).sqrt().clamp_min(Scalars.Of(1e-12)) : vectors;

    /// <summary>id vectors [N, D] + mean of the topic vectors of each (content, topic) pair's content.</summary>
    private Tensor ContentBase(Tensor ids, long count, Tensor pairContent, Tensor pairTopic, Tensor topicCount)
    {
        var topicSum = zeros(count, Options.Dimension)
            .index_add(0, pairContent, topic_emb.weight!.index_select(0, pairTopic), Scalars.One);
        return ids.Plus(topicSum / topicCount);
    }

    /// <summary>user = g * social + (1 - g) * history with g = sigmoid(W [social; history]).</summary>
    private Tensor Fuse(Tensor social, Tensor historyView)
    {
        var g = gate.forward(cat([social, historyView], 1)).sigmoid();
        return (g * social).Plus(g.neg().add(Scalars.One) * historyView); // (1 - g), with a rooted scalar
    }

    private float[] FolloweeAttention(UserBlock block, UserBlockLayout layout, Tensor users)
    {
        var perHead = follow_gat.AttentionCoefficients(users, users, layout.Follows); // [E_local, H]
        var heads = Options.Heads;
        var result = new float[block.Followees.EdgeCount];
        for (var t = 0; t < layout.TargetCount; t++)
            for (var k = 0; k < block.Followees.Offsets[t + 1] - block.Followees.Offsets[t]; k++)
            {
                var e = layout.FolloweeEdge(t, k);
                var sum = 0f;
                for (var h = 0; h < heads; h++) sum += perHead[e * heads + h];
                result[block.Followees.Offsets[t] + k] = sum / heads;
            }
        return result;
    }
}
