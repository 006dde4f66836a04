namespace GraphAttn.Seeds.Tests.Support;

/// <summary>
/// Graphs shared by the generation tests: a 1,500-user graph with default planting, and a control with the same
/// seed but no social influence. Generated once per test class (each takes well under a second).
/// </summary>
public sealed class GeneratedGraphs : IDisposable
{
    private readonly TempFolder _folder = new();

    public GeneratedGraphs()
    {
        Summary = new SeedGenerator(Options).Generate(_folder.File("main"));
        Main = new SeedFolder(_folder.File("main"));
        new SeedGenerator(Options with { SocialInfluence = 0 }).Generate(_folder.File("control"));
        NoSocial = new SeedFolder(_folder.File("control"));
    }

    public static SeedOptions Options { get; } = new() { Users = 1_500, Seed = 7, Communities = 10 };

    public SeedSummary Summary { get; }

    internal SeedFolder Main { get; }

    internal SeedFolder NoSocial { get; }

    public void Dispose() => _folder.Dispose();
}
