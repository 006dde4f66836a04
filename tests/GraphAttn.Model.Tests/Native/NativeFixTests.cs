using GraphAttn.Model.Native;

namespace GraphAttn.Model.Tests.Native;

public sealed class NativeFixTests
{
    private static string OutputLibrary =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories)
            .First(p => !p.Contains($"{Path.DirectorySeparatorChar}cpu{Path.DirectorySeparatorChar}"));

    private static string CacheLibrary =>
        Directory.EnumerateFiles(
                Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
                    "torchsharp"),
                "libLibTorchSharp.so", SearchOption.AllDirectories)
            .First();

    [Fact]
    public void ReadNeeds_OutputCopy_Glibcxx3432IsWeakOrAbsent()
    {
        var needs = ElfVersionInspector.ReadNeeds(OutputLibrary);
        Assert.Contains(needs, n => n.Version == "GLIBCXX_3.4.26");
        Assert.All(needs.Where(n => n.Version == "GLIBCXX_3.4.32"), n => Assert.True(n.Weak));
    }

    [Fact]
    public void ReadNeeds_NuGetCacheCopy_IsUntouched()
    {
        var needs = ElfVersionInspector.ReadNeeds(CacheLibrary);
        var target = Assert.Single(needs, n => n.Version == "GLIBCXX_3.4.32");
        Assert.False(target.Weak);
    }

    [Fact]
    public void ReadNeeds_NotElf_ThrowsInvalidData()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not an elf");
        try { Assert.Throws<InvalidDataException>(() => ElfVersionInspector.ReadNeeds(path)); }
        finally { File.Delete(path); }
    }
}
