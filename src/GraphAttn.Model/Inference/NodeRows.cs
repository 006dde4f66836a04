namespace GraphAttn.Model.Inference;

/// <summary>
/// Maps a graph's node indices to the model's weight rows (id embeddings), for embedding a graph that differs from the
/// one the checkpoint was trained on. A row of -1 means the node has no id embedding (it arrived after training): the
/// forward then uses a ZERO id vector for it (the prior the L2-regularised embeddings shrink towards) and relies on its
/// neighbours, topics and history. Null arrays mean identity (graph index = weight row), as in training.
/// </summary>
public sealed class NodeRows
{
    /// <summary>Creates the maps; each array is indexed by graph index; null = identity.</summary>
    public NodeRows(int[]? users, int[]? contents, int[]? topics)
    {
        Users = users;
        Contents = contents;
        Topics = topics;
    }

    /// <summary>Identity maps (the graph is the training graph).</summary>
    public static NodeRows Identity { get; } = new(null, null, null);

    /// <summary>[graph users] weight row or -1; null = identity.</summary>
    public int[]? Users { get; }

    /// <summary>[graph contents] weight row or -1; null = identity.</summary>
    public int[]? Contents { get; }

    /// <summary>[graph topics] weight row or -1; null = identity.</summary>
    public int[]? Topics { get; }

    /// <summary>Weight row of graph user <paramref name="user"/>, or -1.</summary>
    public int UserRow(int user) => Users is null ? user : Users[user];

    /// <summary>Weight row of graph content <paramref name="content"/>, or -1.</summary>
    public int ContentRow(int content) => Contents is null ? content : Contents[content];

    /// <summary>Weight row of graph topic <paramref name="topic"/>, or -1.</summary>
    public int TopicRow(int topic) => Topics is null ? topic : Topics[topic];

    /// <summary>How many graph users / contents have no weight row (new since training).</summary>
    public (int Users, int Contents, int Topics) MissingCounts() =>
        (Users?.Count(r => r < 0) ?? 0, Contents?.Count(r => r < 0) ?? 0, Topics?.Count(r => r < 0) ?? 0);
}
