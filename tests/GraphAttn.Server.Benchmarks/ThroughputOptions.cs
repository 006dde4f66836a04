using System.Globalization;

namespace GraphAttn.Server.Benchmarks;

/// <summary>What one throughput run measures and how; parsed from <c>--name value</c> pairs.</summary>
internal sealed record ThroughputOptions
{
    /// <summary>graph-seeds folder the server serves and users are drawn from (default graph-seeds/demo).</summary>
    public string Graph { get; init; } = Path.Combine(RepoPaths.Root, "graph-seeds", "demo");

    /// <summary>Snapshot folder to serve (model mode "snapshots"); null serves the baselines only (mode "off").</summary>
    public string? Snapshots { get; init; }

    /// <summary>Checkpoint of the snapshots' model, for online embeddings; null for none.</summary>
    public string? Checkpoint { get; init; }

    /// <summary>A running server to measure instead of starting one (then Graph must be the graph it serves).</summary>
    public string? Address { get; init; }

    /// <summary>Distinct random users per round; every RPC is driven for each of them in turn (default 16).</summary>
    public int Users { get; init; } = 16;

    /// <summary>Rounds over all users and RPCs; figures are mean ± sd over rounds (default 3).</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Target length of one h2load run (one RPC, one user), which sets its request count (default 0.3 s).</summary>
    public double Seconds { get; init; } = 0.3;

    /// <summary>h2load connections (default 8).</summary>
    public int Connections { get; init; } = 8;

    /// <summary>Concurrent streams per connection (default 4).</summary>
    public int Streams { get; init; } = 4;

    /// <summary>Live events recorded per second for random users while measuring (default 0: none).</summary>
    public int EventsPerSecond { get; init; }

    /// <summary>Seed for drawing users and events (default 1).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Names of the RPC cases to run besides the empty call; null runs all.</summary>
    public IReadOnlySet<string>? Only { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/GraphAttn.Server.Benchmarks -- throughput [options]
          --graph DIR         graph-seeds folder to serve and draw users from (graph-seeds/demo)
          --snapshots DIR     serve the model snapshots in DIR (mode "snapshots"); without it, baselines only
          --checkpoint DIR    the snapshots' checkpoint, for online embeddings
          --address URL       measure a running server instead of starting one
          --users N           random users per round (16)
          --rounds N          rounds; figures are mean ± sd over rounds (3)
          --seconds S         target length of one h2load run (0.3)
          --connections N     h2load connections (8)
          --streams N         streams per connection (4)
          --events N          live events per second while measuring (0)
          --seed N            seed for users and events (1)
          --only A,B          run only these cases (content, content-explain, friends, friends-explain, profile)
        """;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming a bad option.</summary>
    public static ThroughputOptions Parse(string[] args)
    {
        var options = new ThroughputOptions();
        for (int i = 0; i < args.Length; i += 2)
        {
            string name = args[i];
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--graph" => options with { Graph = Path.GetFullPath(value) },
                "--snapshots" => options with { Snapshots = Path.GetFullPath(value) },
                "--checkpoint" => options with { Checkpoint = Path.GetFullPath(value) },
                "--address" => options with { Address = value },
                "--users" => options with { Users = Positive(name, value) },
                "--rounds" => options with { Rounds = Positive(name, value) },
                "--seconds" => options with { Seconds = double.Parse(value, CultureInfo.InvariantCulture) },
                "--connections" => options with { Connections = Positive(name, value) },
                "--streams" => options with { Streams = Positive(name, value) },
                "--events" => options with { EventsPerSecond = int.Parse(value, CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--only" => options with { Only = value.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet() },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive integer, not '{value}'.");
}
