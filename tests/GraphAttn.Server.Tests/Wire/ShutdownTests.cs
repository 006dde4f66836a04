namespace GraphAttn.Server.Tests.Wire;

public class ShutdownTests
{
    [Fact]
    public async Task RealServer_Sigterm_ShutsDownGracefullyWithExitCodeZero()
    {
        await using var server = await RealServerProcess.StartAsync();
        var exit = await server.TerminateAsync();
        Assert.Equal(0, exit);
        Assert.Contains("Application is shutting down", server.Log);
    }
}
