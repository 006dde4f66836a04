using GraphAttn.Seeds.Writing;

namespace GraphAttn.Seeds.Tests.Generation;

public sealed class DeterminismTests
{
    private static readonly SeedOptions Small = new() { Users = 400, Seed = 11, Communities = 5 };

    [Fact]
    public void Generate_SameOptionsTwice_ByteIdenticalFiles()
    {
        using var folder = new TempFolder();
        new SeedGenerator(Small).Generate(folder.File("a"));
        new SeedGenerator(Small).Generate(folder.File("b"));

        foreach (var file in AllFiles())
            Assert.True(File.ReadAllBytes(Path.Combine(folder.File("a"), file)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(folder.File("b"), file))), $"{file} differs between two runs");
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentGraph()
    {
        using var folder = new TempFolder();
        new SeedGenerator(Small).Generate(folder.File("a"));
        new SeedGenerator(Small with { Seed = 12 }).Generate(folder.File("b"));

        foreach (var file in new[] { "follows.csv", "interactions.csv", "posted.csv", "planted/user_interests.csv" })
            Assert.False(File.ReadAllBytes(Path.Combine(folder.File("a"), file)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(folder.File("b"), file))), $"{file} is the same for seeds 11 and 12");
    }

    [Fact]
    public void Generate_DemoOptions_ReproducesCommittedDemo()
    {
        var demo = RepoPaths.Demo;
        using var folder = new TempFolder();
        new SeedGenerator(new SeedOptions { Users = 2_000, Seed = 42 }).Generate(folder.Path);

        foreach (var file in AllFiles())
            Assert.True(File.ReadAllBytes(Path.Combine(demo, file)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(folder.Path, file))),
                $"graph-seeds/demo/{file} no longer matches 'seeds generate --users 2000 --seed 42': regenerate and commit it");
    }

    private static IEnumerable<string> AllFiles() =>
        SeedCsvLayout.Graph.Select(f => f.File).Concat(SeedCsvLayout.Planted.Select(f => $"{SeedCsvLayout.PlantedFolder}/{f.File}"));
}
