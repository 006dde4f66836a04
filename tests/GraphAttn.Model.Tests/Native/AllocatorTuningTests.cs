using GraphAttn.Model.Native;

namespace GraphAttn.Model.Tests.Native;

public sealed class AllocatorTuningTests
{
    [Fact]
    public void Apply_OnGlibcLinux_IsInEffectOnceTheModelAssemblyHasLoaded()
    {
        // Loading this test class loaded GraphAttn.Model, whose module initializer applies the settings.
        var expected = OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("GRAPHATTN_MALLOC_TUNING") != "0";
        Assert.Equal(expected, AllocatorTuning.Applied);
    }
}
