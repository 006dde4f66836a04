using GraphAttn.Graph;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;

namespace GraphAttn.Model.Sampling;

/// <summary>
/// Samples, for a batch of target users and contents, up to <see cref="FanOut"/> in-edges per target and relation,
/// without replacement; a target whose degree is at most the fan-out keeps all its edges. The model is one hop per
/// relation, so one block is all a step needs. Deterministic: each target's choice depends only on (seed, relation,
/// target), not on the batch it is in, its position or the thread, so the sampler runs in parallel. History rows are
/// never sampled: a target user always gets its last L interactions.
/// </summary>
public sealed class NeighbourSampler
{
    private readonly Csr following, userContents, contentUsers;
    private readonly HistoryBatch history;

    /// <summary>Prepares the sampler for <paramref name="graph"/> (builds the user -> distinct contents index once).</summary>
    /// <param name="graph">The (training) graph.</param>
    /// <param name="fanOut">In-edges kept per target and relation.</param>
    /// <param name="history">Every user's last L interactions (e.g. <see cref="GraphInputs.History"/>).</param>
    public NeighbourSampler(SocialGraph graph, FanOut fanOut, HistoryBatch history)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(fanOut);
        if (fanOut.Follows <= 0 || fanOut.Interactions <= 0 || fanOut.ContentUsers <= 0)
            throw new ArgumentException($"fan-out must be positive, got {fanOut}");
        if (history.Users != graph.UserCount)
            throw new ArgumentException($"history has {history.Users} users, the graph {graph.UserCount}");
        FanOut = fanOut;
        this.history = history;
        following = graph.Following;
        contentUsers = graph.ContentUsers;
        userContents = graph.ContentUsers.Transpose(graph.UserCount);
    }

    /// <summary>The fan-out per relation.</summary>
    public FanOut FanOut { get; }

    /// <summary>Samples the block of the given targets (each list ascending and distinct).</summary>
    /// <param name="users">Target users.</param>
    /// <param name="contents">Target contents.</param>
    /// <param name="seed">Seed of this draw (e.g. derived from the training seed and the step).</param>
    public SampledBlock Sample(int[] users, int[] contents, ulong seed) => new(
        new UserBlock(users, SampleRelation(following, users, FanOut.Follows, Mix(seed, 1)),
            SampleRelation(userContents, users, FanOut.Interactions, Mix(seed, 2)), BlockHistory.FromBatch(history, users)),
        new ContentBlock(contents, SampleRelation(contentUsers, contents, FanOut.ContentUsers, Mix(seed, 3))));

    private static TargetEdges SampleRelation(Csr csr, int[] targets, int fanOut, ulong seed)
    {
        var offsets = new int[targets.Length + 1];
        for (var t = 0; t < targets.Length; t++)
        {
            if ((uint)targets[t] >= (uint)csr.NodeCount)
                throw new ArgumentException($"target {targets[t]} is out of range 0..{csr.NodeCount - 1}");
            offsets[t + 1] = offsets[t] + Math.Min(csr.Degree(targets[t]), fanOut);
        }
        var sources = new int[offsets[^1]];
        Parallel.For(0, targets.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, t =>
        {
            var neighbours = csr.Neighbors(targets[t]);
            var output = sources.AsSpan(offsets[t], offsets[t + 1] - offsets[t]);
            if (neighbours.Length <= fanOut) neighbours.CopyTo(output);
            else Choose(neighbours, output, Mix(seed, (ulong)targets[t]));
        });
        return new TargetEdges(offsets, sources) { Sampled = true };
    }

    /// <summary>
    /// Robert Floyd's sampling of output.Length distinct positions out of neighbours.Length, then ascending order, so
    /// the result is a sorted subset of the (sorted) neighbour list.
    /// </summary>
    private static void Choose(ReadOnlySpan<int> neighbours, Span<int> output, ulong state)
    {
        int n = neighbours.Length, k = output.Length;
        var picked = new HashSet<int>(k);
        for (var j = n - k; j < n; j++)
        {
            state = Mix(state, (ulong)j);
            var r = (int)(state % (ulong)(j + 1));
            picked.Add(picked.Contains(r) ? j : r);
        }
        var positions = picked.ToArray();
        Array.Sort(positions);
        for (var i = 0; i < k; i++) output[i] = neighbours[positions[i]];
    }

    /// <summary>SplitMix64 finaliser over a combination of two values: a cheap, well-spread counter-based hash.</summary>
    internal static ulong Mix(ulong a, ulong b)
    {
        var z = a + 0x9E3779B97F4A7C15UL * (b + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
