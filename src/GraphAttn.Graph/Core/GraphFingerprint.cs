using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace GraphAttn.Graph;

/// <summary>
/// Order-independent content hash of a graph. Each node and edge is hashed by its external ids (never by dense
/// indices, which depend on load order) and the hashes are summed per kind, a multiset hash: the same data read from
/// CSV or streamed from Neo4j in another order gives the same fingerprint. Checkpoints and snapshots record it.
/// </summary>
public static class GraphFingerprint
{
    /// <summary>Computes the fingerprint as 16 lower-case hex digits.</summary>
    public static string Compute(SocialGraph g)
    {
        var users = IdHashes(g.Users, g.UserNames);
        var contents = IdHashes(g.Contents, g.ContentTitles);
        var topics = IdHashes(g.Topics, g.TopicNames);

        Span<ulong> parts = stackalloc ulong[10];
        parts[0] = Sum(users);
        parts[1] = Sum(contents);
        parts[2] = Sum(topics);
        parts[3] = SumEdges(g.Following, users, users);
        parts[4] = SumEdges(g.ContentTopics, contents, topics);
        parts[5] = SumInteractions(g.Interactions, users, contents);
        parts[6] = SumAuthors(g.ContentAuthor, users, contents);
        parts[7] = (ulong)g.UserCount << 32 | (uint)g.ContentCount;
        parts[8] = (ulong)g.FollowCount << 32 | (uint)g.TopicCount;
        parts[9] = (ulong)g.InteractionCount;
        return XxHash64.HashToUInt64(MemoryMarshal.AsBytes(parts)).ToString("x16");
    }

    private static ulong[] IdHashes(IdMap ids, string[] names)
    {
        var hashes = new ulong[ids.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            var id = XxHash64.HashToUInt64(MemoryMarshal.AsBytes(ids[i].AsSpan()));
            hashes[i] = Mix(id, XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(names[i])));
        }
        return hashes;
    }

    private static ulong Sum(ulong[] values)
    {
        ulong s = 0;
        foreach (var v in values) s += Mix(v, 0x9E3779B97F4A7C15);
        return s;
    }

    private static ulong SumEdges(Csr csr, ulong[] from, ulong[] to)
    {
        ulong s = 0;
        for (var n = 0; n < csr.NodeCount; n++)
            foreach (var t in csr.Neighbors(n)) s += Mix(from[n], to[t]);
        return s;
    }

    private static ulong SumInteractions(InteractionLog log, ulong[] users, ulong[] contents)
    {
        ulong s = 0;
        for (var u = 0; u < log.UserCount; u++)
            for (var i = log.Offsets[u]; i < log.Offsets[u + 1]; i++)
            {
                var edge = Mix(users[u], contents[log.Content[i]]);
                var attrs = Mix((ulong)log.Timestamps[i], (ulong)log.Kinds[i] << 32 | BitConverter.SingleToUInt32Bits(log.Weights[i]));
                s += Mix(edge, attrs);
            }
        return s;
    }

    private static ulong SumAuthors(int[] authors, ulong[] users, ulong[] contents)
    {
        ulong s = 0;
        for (var c = 0; c < authors.Length; c++)
            if (authors[c] >= 0) s += Mix(users[authors[c]], ~contents[c]);
        return s;
    }

    // splitmix64-style finaliser over a combination: asymmetric so (a, b) and (b, a) differ.
    private static ulong Mix(ulong a, ulong b)
    {
        var z = a * 0xBF58476D1CE4E5B9 + b + 0x94D049BB133111EB;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
