using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Embeddings;

/// <summary>
/// The model's friend rescoring with Adamic-Adar from one sparse walk ranks exactly as the reference: the capped
/// two-hop candidates plus the vector pool, each scored with a per-pair merge. Users whose walk the caps would cut take
/// the reference path.
/// </summary>
public sealed class StructuralRescoringEquivalenceTests
{
    private const int Dimensions = 8;

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 1)]
    [InlineData(3, 50)]
    public void TopOfWalk_RandomGraphsWithHubs_SameUsersAndScoresAsReference(int seed, int k)
    {
        var (friends, random, vectors, userRow) = ShuffledWorld(seed, noRowEvery: 17);

        var structure = new FriendStructure(friends, 0.3f);
        for (int user = 0; user < friends.NodeCount; user += 7)
        {
            var query = vectors.Row(Math.Max(0, userRow[user])).ToArray();
            var excluded = Enumerable.Range(0, 30).Select(_ => random.Next(friends.NodeCount)).ToHashSet();
            ScoredIndex[] pool = [.. Enumerable.Range(0, 40).Select(_ => random.Next(friends.NodeCount)).Distinct().Select(v => new ScoredIndex(v, 0f))];

            var candidates = TwoHopCandidates.Collect(friends, user);
            candidates.UnionWith(pool.Select(p => p.Index));
            var reference = StructuralRescoring.Top(query, user, k, candidates, excluded, vectors, userRow, structure);
            var walked = StructuralRescoring.TopOfWalk(query, user, k, pool, excluded, vectors, userRow, structure);

            Assert.NotNull(walked);
            Assert.Equal(reference.Select(r => (r.Index, BitConverter.SingleToInt32Bits(r.Score))),
                walked.Select(r => (r.Index, BitConverter.SingleToInt32Bits(r.Score))));
        }
    }

    [Theory]
    [InlineData(4, 10, 40)]
    [InlineData(5, 3, 100)]
    [InlineData(6, 20, 2000)] // the pool holds every scorable user: nothing outside it
    public void TopOfWalk_PoolIsTheExactTopByDot_SkippedDotsChangeNothing(int seed, int k, int poolSize)
    {
        var (friends, random, vectors, userRow) = ShuffledWorld(seed, noRowEvery: 13);

        var structure = new FriendStructure(friends, 0.4f);
        for (int user = 0; user < friends.NodeCount; user += 7)
        {
            var query = vectors.Row(Math.Max(0, userRow[user])).ToArray();
            var excluded = Enumerable.Range(0, 30).Select(_ => random.Next(friends.NodeCount)).Append(user).ToHashSet();
            // As the exact index returns it: every user with a row and not excluded, best dot first, ties to the lower index.
            ScoredIndex[] pool = [.. Enumerable.Range(0, friends.NodeCount)
                .Where(v => userRow[v] >= 0 && !excluded.Contains(v))
                .Select(v => new ScoredIndex(v, VectorMath.Dot(query, vectors.Row(userRow[v]))))
                .OrderByDescending(s => s.Score).ThenBy(s => s.Index).Take(poolSize)];
            float bound = pool.Length < poolSize ? float.NegativeInfinity : pool[^1].Score;

            var candidates = TwoHopCandidates.Collect(friends, user);
            candidates.UnionWith(pool.Select(p => p.Index));
            var reference = StructuralRescoring.Top(query, user, k, candidates, excluded, vectors, userRow, structure);
            var walked = StructuralRescoring.TopOfWalk(query, user, k, pool, excluded, vectors, userRow, structure, bound);

            Assert.NotNull(walked);
            Assert.Equal(reference.Select(r => (r.Index, BitConverter.SingleToInt32Bits(r.Score))),
                walked.Select(r => (r.Index, BitConverter.SingleToInt32Bits(r.Score))));
        }
    }

    [Fact]
    public void TopOfWalk_TiedVectors_BreaksTiesAsTheReference()
    {
        var friends = HubGraphs.Friends(200, 9);
        var vectors = new EmbeddingMatrix(Enumerable.Repeat(0.25f, friends.NodeCount * Dimensions).ToArray(), friends.NodeCount, Dimensions);
        int[] userRow = [.. Enumerable.Range(0, friends.NodeCount)];
        var structure = new FriendStructure(friends, 0.5f);
        float[] query = [.. Enumerable.Repeat(1f, Dimensions)];
        ScoredIndex[] pool = [.. Enumerable.Range(100, 60).Select(v => new ScoredIndex(v, 2f))];
        for (int user = 0; user < friends.NodeCount; user += 11)
        {
            var candidates = TwoHopCandidates.Collect(friends, user);
            candidates.UnionWith(pool.Select(p => p.Index));

            var reference = StructuralRescoring.Top(query, user, 20, candidates, new HashSet<int>(), vectors, userRow, structure);
            var walked = StructuralRescoring.TopOfWalk(query, user, 20, pool, new HashSet<int>(), vectors, userRow, structure);

            Assert.Equal(reference, walked);
        }
    }

    [Fact]
    public void TopOfWalk_MoreTwoHopUsersThanTheCap_RanksTheReferencesCappedSet()
    {
        // A leaf reaches every node through the hub: more than the cap, so the reference keeps only part of them.
        var star = HubGraphs.Star(TwoHopCandidates.MaxCandidates + 500);
        var random = new Random(4);
        var vectors = RandomVectors(star.NodeCount, random);
        int[] userRow = [.. Enumerable.Range(0, star.NodeCount)];
        var structure = new FriendStructure(star, 0.2f);
        ScoredIndex[] pool = [.. Enumerable.Range(0, 100).Select(i => new ScoredIndex(star.NodeCount - 1 - i, 0f))];
        foreach (int user in new[] { 5, 1, 0 })
        {
            var query = vectors.Row(user).ToArray();
            var candidates = TwoHopCandidates.Collect(star, user);
            candidates.UnionWith(pool.Select(p => p.Index));

            var reference = StructuralRescoring.Top(query, user, 10, candidates, new HashSet<int>(), vectors, userRow, structure);
            var walked = StructuralRescoring.TopOfWalk(query, user, 10, pool, new HashSet<int>(), vectors, userRow, structure);

            Assert.Equal(reference, walked);
        }
    }

    [Fact]
    public void TopOfWalk_WalkLongerThanTheVisitCap_DefersToTheReference()
    {
        var star = HubGraphs.Star(TwoHopCandidates.MaxVisits + 2);
        var vectors = new EmbeddingMatrix(new float[star.NodeCount * Dimensions], star.NodeCount, Dimensions);
        int[] userRow = [.. Enumerable.Range(0, star.NodeCount)];

        var fromLeaf = StructuralRescoring.TopOfWalk(new float[Dimensions], 5, 10, [], new HashSet<int>(), vectors, userRow,
            new FriendStructure(star, 1f));

        Assert.Null(fromLeaf);
    }

    [Fact]
    public void CollectInto_RandomGraphs_SameSetAsCollectUnderTightCaps()
    {
        var friends = HubGraphs.Friends(300, 5);
        for (int user = 0; user < friends.NodeCount; user += 9)
        {
            foreach ((int candidates, int visits) in new[] { (40, 1000), (1000, 60), (5, 5) })
            {
                using var marks = CandidateMarks.Rent(friends.NodeCount);
                TwoHopCandidates.CollectInto(friends, user, marks, candidates, visits);
                var expected = ReferenceCollect(friends, user, candidates, visits);

                Assert.Equal(expected.Order(), marks.Items.Order());
            }
        }
    }

    // A hub graph of 500 users with random vectors; some users have no snapshot row, and rows are shuffled relative
    // to graph indices.
    private static (Csr Friends, Random Random, EmbeddingMatrix Vectors, int[] UserRow) ShuffledWorld(int seed, int noRowEvery)
    {
        var friends = HubGraphs.Friends(500, seed);
        var random = new Random(seed);
        var vectors = RandomVectors(friends.NodeCount, random);
        int[] userRow = [.. Enumerable.Range(0, friends.NodeCount).OrderBy(_ => random.Next())];
        for (int v = 0; v < userRow.Length; v += noRowEvery)
        {
            userRow[v] = -1;
        }

        return (friends, random, vectors, userRow);
    }

    // The capped walk as it read before it moved onto per-thread marks.
    private static HashSet<int> ReferenceCollect(Csr friends, int user, int maxCandidates, int maxVisits)
    {
        var order = friends.Neighbors(user).ToArray().Select(w => ((long)friends.Degree(w) << 32) | (uint)w).Order();
        var found = new HashSet<int>();
        int visits = 0;
        foreach (long key in order)
        {
            foreach (int v in friends.Neighbors((int)key))
            {
                if (found.Count >= maxCandidates || visits >= maxVisits)
                {
                    return found;
                }

                visits++;
                found.Add(v);
            }
        }

        return found;
    }

    private static EmbeddingMatrix RandomVectors(int rows, Random random)
    {
        var data = new float[rows * Dimensions];
        for (int i = 0; i < data.Length; i++)
        {
            // Coarse values so that some dot products tie exactly.
            data[i] = random.Next(-3, 4) * 0.25f;
        }

        return new EmbeddingMatrix(data, rows, Dimensions);
    }
}
