using Google.Rpc;
using Grpc.Core;

namespace GraphAttn.Cli.Client;

/// <summary>Prints a failed call: status, message and any google.rpc.BadRequest field violations.</summary>
internal static class RpcErrors
{
    public static void Print(RpcException ex, TextWriter error)
    {
        error.WriteLine($"error: {ex.StatusCode}: {ex.Status.Detail}");
        var bad = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        foreach (var v in bad?.FieldViolations ?? [])
            error.WriteLine($"  {v.Field}: {v.Description}");
    }
}
