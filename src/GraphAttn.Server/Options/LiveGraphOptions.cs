namespace GraphAttn.Server.Options;

/// <summary>Configuration section "GraphAttn:Events": where events are made durable.</summary>
public sealed class EventOptions
{
    /// <summary>
    /// This replica's name: its event log is &lt;Folder&gt;/&lt;ReplicaId&gt;.galog (CSV source) and its spool
    /// &lt;DataPath&gt;/spool/&lt;ReplicaId&gt;.galog (Neo4j source). Keep it stable across restarts of a replica (a
    /// StatefulSet's pod name). Empty: the host name, or the host name with -2, -3, ... when another process on the
    /// same data folder holds it.
    /// </summary>
    public string ReplicaId { get; set; } = "";

    /// <summary>Folder of the event logs every replica of a CSV source shares; empty: &lt;DataPath&gt;/events.</summary>
    public string Folder { get; set; } = "";

    /// <summary>Largest spool (Neo4j source, while Neo4j is unreachable) before events are refused with UNAVAILABLE. Default 256 MiB.</summary>
    public long SpoolMaxBytes { get; set; } = 256L << 20;

    /// <summary>Event ids remembered for idempotency (about 28 bytes each). Default 1,000,000.</summary>
    public int DedupeWindow { get; set; } = 1_000_000;
}

/// <summary>Configuration section "GraphAttn:Sync": how the served graph follows its source.</summary>
public sealed class SyncOptions
{
    /// <summary>Seconds between syncs from the source (other replicas' events, new nodes). Default 2.</summary>
    public double Seconds { get; set; } = 2;

    /// <summary>Fold the overlay into a new graph once it holds this many events. Default 100,000.</summary>
    public int CompactEvents { get; set; } = 100_000;

    /// <summary>Fold the overlay once its oldest event is this many seconds old. Default 300.</summary>
    public double CompactSeconds { get; set; } = 300;

    /// <summary>
    /// After each compaction, a full compacting garbage collection returns the previous graph's memory to the operating
    /// system (a pause of tens to hundreds of ms on a large graph). Default true: resident memory stays flat.
    /// </summary>
    public bool CollectAfterCompaction { get; set; } = true;

    /// <summary>
    /// Neo4j source: each change query re-reads this many seconds before the last change seen, so a write committed
    /// late with an earlier timestamp is not missed (what was read twice is recognised). Default 5.
    /// </summary>
    public double OverlapSeconds { get; set; } = 5;

    /// <summary>Neo4j source: seconds between attempts to forward the spool while Neo4j is unreachable. Default 2.</summary>
    public double SpoolRetrySeconds { get; set; } = 2;
}
