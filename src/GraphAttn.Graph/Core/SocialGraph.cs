namespace GraphAttn.Graph;

/// <summary>
/// The immutable graph every component reads: users, content and topics with dense indices; follows in both
/// directions; per-user interaction histories ordered by time; content ↔ topic and content → users adjacency.
/// Built only by <see cref="GraphBuilder.Build"/>, so an instance is always complete and consistent.
/// </summary>
public sealed class SocialGraph
{
    /// <summary>User ids ↔ indices.</summary>
    public required IdMap Users { get; init; }
    /// <summary>Content ids ↔ indices.</summary>
    public required IdMap Contents { get; init; }
    /// <summary>Topic ids ↔ indices.</summary>
    public required IdMap Topics { get; init; }

    /// <summary>Display names by user index (may be empty strings).</summary>
    public required string[] UserNames { get; init; }
    /// <summary>Titles by content index.</summary>
    public required string[] ContentTitles { get; init; }
    /// <summary>Names by topic index.</summary>
    public required string[] TopicNames { get; init; }

    /// <summary>user → users they follow (deduplicated, no self-loops).</summary>
    public required Csr Following { get; init; }
    /// <summary>user → users who follow them (transpose of <see cref="Following"/>).</summary>
    public required Csr Followers { get; init; }

    /// <summary>Per-user interaction histories, oldest first.</summary>
    public required InteractionLog Interactions { get; init; }
    /// <summary>content → distinct users who interacted with it.</summary>
    public required Csr ContentUsers { get; init; }
    /// <summary>content → topics.</summary>
    public required Csr ContentTopics { get; init; }
    /// <summary>topic → contents.</summary>
    public required Csr TopicContents { get; init; }
    /// <summary>Author (user index) of each content, or -1 when unknown.</summary>
    public required int[] ContentAuthor { get; init; }

    /// <summary>
    /// Hex hash over every id, name and edge, independent of insertion order: two graphs with equal fingerprints hold
    /// the same data whatever source (CSV, Neo4j) and order they were loaded in.
    /// </summary>
    public string Fingerprint { get; internal set; } = "";

    /// <summary>The sums <see cref="Fingerprint"/> hashes, kept so a derived graph updates them instead of rehashing all.</summary>
    internal ulong[]? FingerprintParts { get; private set; }

    /// <summary>Sets <see cref="Fingerprint"/> from <paramref name="parts"/> (counts are filled in from this graph).</summary>
    internal void SetFingerprint(ulong[] parts)
    {
        GraphFingerprint.SetCounts(parts, this);
        FingerprintParts = parts;
        Fingerprint = GraphFingerprint.Finish(parts);
    }

    /// <summary>The fingerprint sums, computed now when this graph was assembled without them.</summary>
    internal ulong[] CopyFingerprintParts() => (ulong[])(FingerprintParts ?? GraphFingerprint.Parts(this)).Clone();

    /// <summary>Number of users.</summary>
    public int UserCount => Users.Count;
    /// <summary>Number of content items.</summary>
    public int ContentCount => Contents.Count;
    /// <summary>Number of topics.</summary>
    public int TopicCount => Topics.Count;
    /// <summary>Number of follow edges.</summary>
    public int FollowCount => Following.EdgeCount;
    /// <summary>Number of interactions.</summary>
    public int InteractionCount => Interactions.Count;

    /// <summary>Counts as a one-line summary for logs.</summary>
    public override string ToString() =>
        $"{UserCount} users, {ContentCount} contents, {TopicCount} topics, {FollowCount} follows, {InteractionCount} interactions";
}
