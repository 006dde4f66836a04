using GraphAttn.Seeds.Planting;
using GraphAttn.Seeds.Writing;

namespace GraphAttn.Seeds;

/// <summary>
/// Generates a graph-seeds folder: the seven neo4j-admin import CSV files plus the planted truth in
/// <c>planted/</c>. Fully deterministic: the same <see cref="SeedOptions"/> give byte-identical files.
/// </summary>
/// <remarks>
/// Stages, each on its own random stream: population (communities, interests) -> follows (homophilous,
/// popularity-skewed) -> catalog (posted and tagged content) -> interactions (interest- and friend-driven, replayed
/// in time order) -> files. Memory is about 60 bytes per interaction plus 40 per follow.
/// </remarks>
public sealed class SeedGenerator(SeedOptions options)
{
    /// <summary>The options this generator uses.</summary>
    public SeedOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>
    /// Writes the graph into <paramref name="folder"/> (created if missing; files of the same names are replaced).
    /// </summary>
    /// <param name="folder">Output folder, e.g. graph-seeds/demo.</param>
    /// <param name="progress">Optional stage progress; reported from the calling thread and one writer thread.</param>
    /// <param name="cancellationToken">Checked between stages.</param>
    /// <returns>Counts of what was written.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public SeedSummary Generate(string folder, IProgress<SeedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Options.Validate();

        var world = Plant(progress, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        Directory.CreateDirectory(folder);
        var bytes = new GraphFileWriter(world, folder, progress).WriteAll();
        var planted = new PlantedFileWriter(world, Path.Combine(folder, SeedCsvLayout.PlantedFolder));
        bytes += planted.WriteAll();

        var summary = new SeedSummary
        {
            Users = world.Population.UserCount,
            Contents = world.Catalog.Count,
            Topics = Options.Topics,
            Follows = world.Follows.Count,
            Interactions = world.Interactions.Count,
            SocialInteractions = world.Interactions.SocialCount,
            Posted = world.Catalog.Count,
            Tagged = world.Catalog.TagCount,
            Bytes = bytes,
        };
        bytes += planted.WriteSummary(summary);
        progress?.Report(new SeedProgress("done", 1, 1));
        return summary with { Bytes = bytes };
    }

    /// <summary>Runs every planting stage in memory, without writing.</summary>
    internal SeedWorld Plant(IProgress<SeedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Options.Validate();
        progress?.Report(new SeedProgress("population", 0, Options.Users));
        var population = PopulationPlanter.Plant(Options);
        cancellationToken.ThrowIfCancellationRequested();
        var follows = FollowPlanter.Plant(Options, population, progress);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new SeedProgress("catalog", 0, Options.ContentCount));
        var catalog = CatalogPlanter.Plant(Options, population);
        cancellationToken.ThrowIfCancellationRequested();
        var interactions = InteractionSimulator.Simulate(Options, population, follows, catalog, progress);
        return new SeedWorld(Options, population, follows, catalog, interactions);
    }
}
