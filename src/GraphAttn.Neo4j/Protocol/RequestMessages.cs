using GraphAttn.Neo4j.PackStream;

namespace GraphAttn.Neo4j.Protocol;

/// <summary>Encodes Bolt 5 client messages (before chunking).</summary>
internal static class RequestMessages
{
    public static void Hello(PackStreamWriter w, IReadOnlyDictionary<string, object?> extra) =>
        Struct(w, MessageSignature.Hello, extra);

    public static void Logon(PackStreamWriter w, IReadOnlyDictionary<string, object?> auth) =>
        Struct(w, MessageSignature.Logon, auth);

    public static void Goodbye(PackStreamWriter w) => w.WriteStructHeader(0, MessageSignature.Goodbye);

    public static void Reset(PackStreamWriter w) => w.WriteStructHeader(0, MessageSignature.Reset);

    public static void Commit(PackStreamWriter w) => w.WriteStructHeader(0, MessageSignature.Commit);

    public static void Rollback(PackStreamWriter w) => w.WriteStructHeader(0, MessageSignature.Rollback);

    public static void Begin(PackStreamWriter w, IReadOnlyDictionary<string, object?> extra) =>
        Struct(w, MessageSignature.Begin, extra);

    public static void Run(PackStreamWriter w, string query, IReadOnlyDictionary<string, object?> parameters,
        IReadOnlyDictionary<string, object?> extra)
    {
        w.WriteStructHeader(3, MessageSignature.Run);
        w.WriteString(query);
        w.Write(parameters);
        w.Write(extra);
    }

    /// <summary>PULL {n, qid}: n = -1 means all; qid -1 (omitted) means the last query.</summary>
    public static void Pull(PackStreamWriter w, long n, long qid = -1) => Stream(w, MessageSignature.Pull, n, qid);

    /// <summary>DISCARD {n, qid}: throws away up to n records (-1 = all) without sending them.</summary>
    public static void Discard(PackStreamWriter w, long n, long qid = -1) =>
        Stream(w, MessageSignature.Discard, n, qid);

    private static void Stream(PackStreamWriter w, byte signature, long n, long qid)
    {
        w.WriteStructHeader(1, signature);
        w.WriteMapHeader(qid == -1 ? 1 : 2);
        w.WriteString("n");
        w.WriteInteger(n);
        if (qid != -1)
        {
            w.WriteString("qid");
            w.WriteInteger(qid);
        }
    }

    private static void Struct(PackStreamWriter w, byte signature, IReadOnlyDictionary<string, object?> map)
    {
        w.WriteStructHeader(1, signature);
        w.Write(map);
    }
}
