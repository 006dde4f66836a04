namespace GraphAttn.Neo4j.Driver;

/// <summary>Whether a session reads or writes; reads are sent with <c>mode: "r"</c> so clusters can use followers.</summary>
public enum AccessMode
{
    /// <summary>Writes (the default): goes to the leader.</summary>
    Write,

    /// <summary>Reads only.</summary>
    Read,
}
