using GraphAttn.Seeds.Randomness;

namespace GraphAttn.Seeds.Planting;

/// <summary>
/// Plants homophilous follows: mostly inside the follower's community, otherwise into a community with a similar
/// topic mix; among a few popularity-weighted candidates the one sharing most interests wins, so in-degree is
/// heavy-tailed and follows lean towards similar tastes.
/// </summary>
internal static class FollowPlanter
{
    private const int CandidatesPerFollow = 3;

    public static FollowEdges Plant(SeedOptions options, Population population, IProgress<SeedProgress>? progress)
    {
        var random = new SeedRandom(options.Seed, stream: 2);
        var users = population.UserCount;
        var (members, memberOffsets) = MembersByCommunity(population);
        var memberTables = new AliasTable[population.CommunityCount];
        for (var c = 0; c < memberTables.Length; c++)
        {
            var span = members.AsSpan(memberOffsets[c], memberOffsets[c + 1] - memberOffsets[c]);
            var weights = new double[span.Length];
            for (var i = 0; i < span.Length; i++) weights[i] = population.Popularity[span[i]];
            memberTables[c] = new AliasTable(weights);
        }
        var neighbourCommunities = CommunityNeighbours(population.CommunityTopics);

        var maxOut = (int)Math.Min(users - 1, options.AvgFollows * 10);
        var offsets = new int[users + 1];
        var targets = new List<int>((int)Math.Min(1 << 27, users * options.AvgFollows * 1.1));
        var since = new List<long>(targets.Capacity);
        var interestOfFollower = new double[options.Topics];
        var chosen = new HashSet<int>();
        for (var u = 0; u < users; u++)
        {
            var wanted = Math.Clamp((int)Math.Round(options.AvgFollows * random.NextLogNormal(0.7)), 1, maxOut);
            SetDense(interestOfFollower, population.Interests, u, scale: 1);
            chosen.Clear();
            for (var attempt = 0; chosen.Count < wanted && attempt < 4 * wanted + 8; attempt++)
            {
                var c = population.Community[u];
                if (!random.Chance(options.WithinCommunityFollow)) c = neighbourCommunities[c].Sample(random);
                var v = BestCandidate(c, members, memberOffsets, memberTables[c], interestOfFollower, population.Interests, random);
                if (v == u || !chosen.Add(v)) continue;
                targets.Add(v);
                var from = Math.Max(population.JoinedAt[u], population.JoinedAt[v]);
                since.Add(from + random.NextLong(options.StartMs - from));
            }
            SetDense(interestOfFollower, population.Interests, u, scale: 0);
            offsets[u + 1] = targets.Count;
            if ((u & 0x3FFF) == 0) progress?.Report(new SeedProgress("follows", u, users));
        }
        progress?.Report(new SeedProgress("follows", users, users));
        return new FollowEdges(offsets, [.. targets], [.. since]);
    }

    private static int BestCandidate(int community, int[] members, int[] memberOffsets, AliasTable table,
        double[] followerInterest, SparseRows interests, SeedRandom random)
    {
        var best = -1;
        var bestOverlap = -1.0;
        for (var k = 0; k < CandidatesPerFollow; k++)
        {
            var v = members[memberOffsets[community] + table.Sample(random)];
            var overlap = 0.0;
            var topics = interests.ColumnsOf(v);
            var weights = interests.WeightsOf(v);
            for (var i = 0; i < topics.Length; i++) overlap += Math.Min(followerInterest[topics[i]], weights[i]);
            if (overlap > bestOverlap) (best, bestOverlap) = (v, overlap);
        }
        return best;
    }

    private static void SetDense(double[] dense, SparseRows rows, int row, double scale)
    {
        var topics = rows.ColumnsOf(row);
        var weights = rows.WeightsOf(row);
        for (var i = 0; i < topics.Length; i++) dense[topics[i]] = weights[i] * scale;
    }

    private static (int[] Members, int[] Offsets) MembersByCommunity(Population population)
    {
        var offsets = new int[population.CommunityCount + 1];
        foreach (var c in population.Community) offsets[c + 1]++;
        for (var c = 0; c < population.CommunityCount; c++) offsets[c + 1] += offsets[c];
        var next = offsets[..^1];
        var members = new int[population.UserCount];
        for (var u = 0; u < population.UserCount; u++) members[next[population.Community[u]]++] = u;
        return (members, offsets);
    }

    /// <summary>Per community, a table over the other communities weighted by topic-mix overlap (plus a floor).</summary>
    private static AliasTable[] CommunityNeighbours(SparseRows mixes)
    {
        var n = mixes.RowCount;
        var tables = new AliasTable[n];
        var weights = new double[n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                var overlap = 0.0;
                var ta = mixes.ColumnsOf(a);
                var wa = mixes.WeightsOf(a);
                for (var i = 0; i < ta.Length; i++)
                {
                    var j = mixes.ColumnsOf(b).IndexOf(ta[i]);
                    if (j >= 0) overlap += Math.Min(wa[i], mixes.WeightsOf(b)[j]);
                }
                weights[b] = a == b && n > 1 ? 0 : 0.05 + overlap;
            }
            tables[a] = new AliasTable(weights);
        }
        return tables;
    }
}
