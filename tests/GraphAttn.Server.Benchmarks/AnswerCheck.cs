using Grpc.Core;
using Grpc.Net.Client;

namespace GraphAttn.Server.Benchmarks;

/// <summary>Outcome of sending one case's requests once each: how many came back OK, and who answered them.</summary>
/// <param name="Calls">Requests sent.</param>
/// <param name="Failures">Non-OK statuses, "STATUS: detail" each (h2load counts those as successes).</param>
/// <param name="Answerers">Calls per answerer ("gat", "baseline", "Serving").</param>
internal sealed record CheckResult(int Calls, IReadOnlyList<string> Failures, IReadOnlyDictionary<string, int> Answerers)
{
    /// <summary>"16 OK (gat 16)" or "2 of 16 failed: ...".</summary>
    public override string ToString() => Failures.Count == 0
        ? $"{Calls} OK ({string.Join(", ", Answerers.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}"))})"
        : $"{Failures.Count} of {Calls} failed: {string.Join("; ", Failures.Distinct().Take(3))}";
}

/// <summary>
/// Sends the very bytes h2load sends, through Grpc.Net.Client, and reads the grpc-status and the answer: h2load
/// counts any HTTP 200 as a success, so without this an RPC failing fast would look fast.
/// </summary>
internal static class AnswerCheck
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    /// <summary>Calls <paramref name="rpc"/> once for each of <paramref name="users"/>.</summary>
    public static async Task<CheckResult> RunAsync(GrpcChannel channel, RpcCase rpc, IReadOnlyList<string> users, CancellationToken ct)
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, rpc.Service, rpc.Method, Raw, Raw);
        var failures = new List<string>();
        var answerers = new Dictionary<string, int>();
        foreach (string user in users)
        {
            try
            {
                byte[] response = await channel.CreateCallInvoker()
                    .AsyncUnaryCall(method, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: ct), rpc.Message(user));
                string answerer = rpc.Answerer(response);
                answerers[answerer] = answerers.GetValueOrDefault(answerer) + 1;
            }
            catch (RpcException e)
            {
                failures.Add($"{e.StatusCode}: {e.Status.Detail}");
            }
        }

        return new CheckResult(users.Count, failures, answerers);
    }
}
