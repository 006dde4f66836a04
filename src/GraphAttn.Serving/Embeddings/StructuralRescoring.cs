using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;
using GraphAttn.Serving.Recommending;
using GraphAttn.Serving.Retrieval;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Embeddings;

/// <summary>
/// Scores follow candidates exactly with the friend score friend_u · friend_v + β · AA(u, v) and keeps the best k:
/// the second stage of <see cref="EmbeddingRetriever.TopFriendsFor(ReadOnlySpan{float}, int, int, IEnumerable{int}, FriendStructure?)"/>.
/// Two ways, same result: <see cref="Top"/> (the reference) scores a candidate set with one Adamic-Adar merge per
/// candidate; <see cref="TopOfWalk"/> gets every candidate's Adamic-Adar from one sparse walk, for users whose walk
/// <see cref="TwoHopCandidates"/> would not have capped.
/// </summary>
internal static class StructuralRescoring
{
    /// <summary>
    /// The best <paramref name="k"/> of <paramref name="candidates"/> (graph user indices), best first, ties to the lower
    /// index. Skips the user, <paramref name="excluded"/> and candidates without a snapshot row (nothing to score).
    /// </summary>
    public static ScoredIndex[] Top(ReadOnlySpan<float> vector, int user, int k, IEnumerable<int> candidates,
        IReadOnlySet<int> excluded, EmbeddingMatrix friendVectors, int[] userRow, FriendStructure structure)
    {
        var best = new TopKHeap(k);
        foreach (int v in candidates)
        {
            if (v == user || excluded.Contains(v) || (uint)v >= (uint)userRow.Length || userRow[v] < 0)
            {
                continue;
            }

            float dot = VectorMath.Dot(vector, friendVectors.Row(userRow[v]));
            best.Add(structure.Score(dot, user, v), v);
        }

        return best.DrainBestFirst();
    }

    /// <summary>
    /// <see cref="Top"/> over the user's two-hop neighbours plus <paramref name="pool"/> (the vector index's best by dot
    /// product), with Adamic-Adar from one sparse walk instead of a merge per candidate: the same candidates and
    /// bit-identical scores as <see cref="Top"/> over <see cref="TwoHopCandidates.Collect"/> ∪ pool (when the collection
    /// is capped, over the same capped set). Null when the walk reads more than <see cref="TwoHopCandidates.MaxVisits"/>
    /// entries (a hub's audience): the caller then scores the capped set with one merge per candidate.
    /// <para>
    /// <paramref name="outsidePoolDot"/> bounds the dot product of every scorable user not in the pool (the pool's
    /// smallest when it is an exact index's top over all of them; +∞ when nothing is known). The pool is offered first,
    /// then a walk user whose bound plus β · AA falls short of the k-th best so far skips its dot product: its score
    /// cannot be higher, so the result is the same, and most of the two-hop users share one or two friends.
    /// </para>
    /// </summary>
    public static ScoredIndex[]? TopOfWalk(ReadOnlySpan<float> vector, int user, int k, IReadOnlyList<ScoredIndex> pool,
        IReadOnlySet<int> excluded, EmbeddingMatrix friendVectors, int[] userRow, FriendStructure structure,
        float outsidePoolDot = float.PositiveInfinity)
    {
        Csr friends = structure.Friends;
        if (AdamicAdarRow.WalkLength(friends, user) > TwoHopCandidates.MaxVisits)
        {
            return null;
        }

        using AdamicAdarRow row = AdamicAdarRow.Walk(friends, user);
        // The collected set is every two-hop neighbour: the walk's plus the user (reached back through any friend).
        int collected = row.Touched.Length + (friends.Degree(user) > 0 && row[user] == 0f ? 1 : 0);
        var best = new TopKHeap(k);
        if (collected <= TwoHopCandidates.MaxCandidates)
        {
            var inPool = new HashSet<int>(pool.Count);
            foreach (ScoredIndex item in pool)
            {
                // A pool member off the walk shares no friend: AA = 0.
                if ((uint)item.Index < (uint)friends.NodeCount && inPool.Add(item.Index))
                {
                    Offer(best, vector, user, item.Index, row[item.Index], excluded, friendVectors, userRow, structure.Weight);
                }
            }

            foreach (int v in row.Touched)
            {
                // fl(dot + c) is monotone in dot: below the k-th best with the bound, below it with any smaller dot.
                if (inPool.Contains(v) || outsidePoolDot + (structure.Weight * row[v]) < best.Threshold)
                {
                    continue;
                }

                Offer(best, vector, user, v, row[v], excluded, friendVectors, userRow, structure.Weight);
            }

            return best.DrainBestFirst();
        }

        // The reference caps its candidates here: the same capped set, each scored with its full AA from the walk.
        using CandidateMarks candidates = CandidateMarks.Rent(friends.NodeCount);
        TwoHopCandidates.CollectInto(friends, user, candidates);
        foreach (ScoredIndex item in pool)
        {
            if ((uint)item.Index < (uint)friends.NodeCount)
            {
                candidates.Add(item.Index);
            }
        }

        foreach (int v in candidates.Items)
        {
            Offer(best, vector, user, v, row[v], excluded, friendVectors, userRow, structure.Weight);
        }

        return best.DrainBestFirst();
    }

    private static void Offer(TopKHeap best, ReadOnlySpan<float> vector, int user, int v, float adamicAdar, IReadOnlySet<int> excluded,
        EmbeddingMatrix friendVectors, int[] userRow, float weight)
    {
        if (v == user || (uint)v >= (uint)userRow.Length || userRow[v] < 0 || excluded.Contains(v))
        {
            return;
        }

        float dot = VectorMath.Dot(vector, friendVectors.Row(userRow[v]));
        // FriendStructure.Score's expression, with AA from the walk (bit-identical to AdamicAdar.Pair).
        best.Add(dot + weight * adamicAdar, v);
    }
}
