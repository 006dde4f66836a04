using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace GraphAttn.Graph;

/// <summary>
/// Order-independent content hash of a graph. Each node and edge is hashed by its external ids (never by dense
/// indices, which depend on load order) and the hashes are summed per kind, a multiset hash: the same data read from
/// CSV or streamed from Neo4j in another order gives the same fingerprint. Checkpoints and snapshots record it.
/// Because the parts are sums, a graph derived from another by adding nodes or edges (the living graph's extension
/// and compaction) updates them with the added and removed items alone and gets the fingerprint a full computation
/// would give.
/// </summary>
public static class GraphFingerprint
{
    /// <summary>Number of parts hashed into the fingerprint.</summary>
    internal const int PartCount = 10;

    /// <summary>Computes the fingerprint as 16 lower-case hex digits.</summary>
    public static string Compute(SocialGraph g) => Finish(Parts(g));

    /// <summary>The per-kind sums and counts the fingerprint hashes (see <see cref="Finish"/>).</summary>
    internal static ulong[] Parts(SocialGraph g)
    {
        var users = IdHashes(g.Users, g.UserNames);
        var contents = IdHashes(g.Contents, g.ContentTitles);
        var topics = IdHashes(g.Topics, g.TopicNames);

        var parts = new ulong[PartCount];
        parts[0] = Sum(users);
        parts[1] = Sum(contents);
        parts[2] = Sum(topics);
        parts[3] = SumEdges(g.Following, users, users);
        parts[4] = SumEdges(g.ContentTopics, contents, topics);
        parts[5] = SumInteractions(g.Interactions, users, contents);
        parts[6] = SumAuthors(g.ContentAuthor, users, contents);
        SetCounts(parts, g);
        return parts;
    }

    /// <summary>The fingerprint of <paramref name="parts"/> (after <see cref="SetCounts"/>).</summary>
    internal static string Finish(ulong[] parts) => XxHash64.HashToUInt64(MemoryMarshal.AsBytes(parts.AsSpan())).ToString("x16");

    /// <summary>Writes the graph's counts into the parts that hold them.</summary>
    internal static void SetCounts(ulong[] parts, SocialGraph g)
    {
        parts[7] = (ulong)g.UserCount << 32 | (uint)g.ContentCount;
        parts[8] = (ulong)g.FollowCount << 32 | (uint)g.TopicCount;
        parts[9] = (ulong)g.InteractionCount;
    }

    /// <summary>Hash of one node: its id and its name (or title).</summary>
    internal static ulong NodeHash(string id, string name) =>
        Mix(XxHash64.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan())), XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(name)));

    /// <summary>What a node adds to its kind's sum.</summary>
    internal static ulong NodeTerm(ulong nodeHash) => Mix(nodeHash, 0x9E3779B97F4A7C15);

    /// <summary>What an edge (follow, tag) adds to its kind's sum.</summary>
    internal static ulong EdgeTerm(ulong from, ulong to) => Mix(from, to);

    /// <summary>What an interaction adds to the interactions' sum.</summary>
    internal static ulong InteractionTerm(ulong user, ulong content, long timestampMs, InteractionKind kind, float weight) =>
        Mix(Mix(user, content), Mix((ulong)timestampMs, (ulong)kind << 32 | BitConverter.SingleToUInt32Bits(weight)));

    /// <summary>What an authorship adds to the authors' sum.</summary>
    internal static ulong AuthorTerm(ulong user, ulong content) => Mix(user, ~content);

    private static ulong[] IdHashes(IdMap ids, string[] names)
    {
        var hashes = new ulong[ids.Count];
        for (var i = 0; i < hashes.Length; i++) hashes[i] = NodeHash(ids[i], names[i]);
        return hashes;
    }

    private static ulong Sum(ulong[] values)
    {
        ulong s = 0;
        foreach (var v in values) s += NodeTerm(v);
        return s;
    }

    private static ulong SumEdges(Csr csr, ulong[] from, ulong[] to)
    {
        ulong s = 0;
        for (var n = 0; n < csr.NodeCount; n++)
            foreach (var t in csr.Neighbors(n)) s += EdgeTerm(from[n], to[t]);
        return s;
    }

    private static ulong SumInteractions(InteractionLog log, ulong[] users, ulong[] contents)
    {
        ulong s = 0;
        for (var u = 0; u < log.UserCount; u++)
            for (var i = log.Offsets[u]; i < log.Offsets[u + 1]; i++)
                s += InteractionTerm(users[u], contents[log.Content[i]], log.Timestamps[i], log.Kinds[i], log.Weights[i]);
        return s;
    }

    private static ulong SumAuthors(int[] authors, ulong[] users, ulong[] contents)
    {
        ulong s = 0;
        for (var c = 0; c < authors.Length; c++)
            if (authors[c] >= 0) s += AuthorTerm(users[authors[c]], contents[c]);
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
