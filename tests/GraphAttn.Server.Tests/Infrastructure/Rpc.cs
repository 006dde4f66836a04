using Grpc.Core;

namespace GraphAttn.Server.Tests.Infrastructure;

/// <summary>Assertions on failed calls.</summary>
internal static class Rpc
{
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => call().WaitAsync(TestTimeouts.Default));
        Assert.Equal(code, ex.StatusCode);
        return ex;
    }

    /// <summary>Asserts INVALID_ARGUMENT carrying a google.rpc.BadRequest that names <paramref name="field"/>.</summary>
    public static async Task BadRequest(string field, Func<Task> call)
    {
        var ex = await FailsWith(StatusCode.InvalidArgument, call);
        var bad = ex.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>();
        Assert.NotNull(bad);
        Assert.Contains(bad.FieldViolations, v => v.Field == field);
    }
}
