using GraphAttn.Server.Hosting;
using GraphAttn.Server.Options;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GraphAttn.Server.Tests.Operations;

public class KestrelSettingsTests
{
    [Fact]
    public void Apply_KeepAliveAndStreams_FromTheLimits_ZeroSwitchesPingsOff()
    {
        var kestrel = new KestrelServerOptions();
        KestrelSettings.Apply(kestrel, new GraphAttnOptions { Limits = { KeepAlivePingSeconds = 45, KeepAlivePingTimeoutSeconds = 7, MaxStreamsPerConnection = 64 } });
        Assert.Equal((TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(7), 64),
            (kestrel.Limits.Http2.KeepAlivePingDelay, kestrel.Limits.Http2.KeepAlivePingTimeout, kestrel.Limits.Http2.MaxStreamsPerConnection));

        var quiet = new KestrelServerOptions();
        KestrelSettings.Apply(quiet, new GraphAttnOptions { Limits = { KeepAlivePingSeconds = 0 } });
        Assert.Equal(TimeSpan.MaxValue, quiet.Limits.Http2.KeepAlivePingDelay);
    }
}
