namespace GraphAttn.Seeds.Planting;

/// <summary>Everything one generation planted, before it is written.</summary>
internal sealed record SeedWorld(SeedOptions Options, Population Population, FollowEdges Follows, Catalog Catalog,
    SimulatedInteractions Interactions);
