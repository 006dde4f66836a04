using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GraphAttn.Cli.Options;
using GraphAttn.Cli.Output;
using GraphAttn.Embedding.Batching;
using GraphAttn.Embedding.Jobs;
using GraphAttn.Graph;
using GraphAttn.Neo4j.Configuration;
using GraphAttn.Neo4j.Errors;

namespace GraphAttn.Cli.Commands;

/// <summary>
/// The <c>embed</c> command of <c>graphattn</c>:
/// <c>embed (--graph DIR | --neo4j) --checkpoint DIR --out FILE|DIR [--shard i/n | --shard-index i --shard-count n]
/// [--batch-size 4096] [--write-neo4j [URI]] [--neo4j-uri URI] [--neo4j-user U] [--neo4j-password-file F] [--neo4j-database D]
/// [--created-at ISO-8601] [--threads N] [--quiet]</c>, and <c>embed merge --out FILE|DIR SHARD...</c>.
/// </summary>
public static class EmbedCommand
{
    /// <summary>Creates the command (with its <c>merge</c> subcommand), ready to add to a root command.</summary>
    public static Command Create()
    {
        var defaults = new EmbedOptions();
        var graph = CommonOptions.Graph(required: false);
        var neo4j = new Option<bool>("--neo4j") { Description = "Read the graph from Neo4j (Neo4j__Uri/User/PasswordFile/Database or NEO4J_* from the environment, or the --neo4j-* options)." };
        var checkpoint = new Option<string>("--checkpoint", "-c") { Description = "Checkpoint folder written by `graphattn train`.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Snapshot (.gasnap) or shard (.gashard) file; an existing folder gets a generated name.", Required = true };
        var shard = new Option<string?>("--shard") { Description = "Compute shard i of n (0-based), e.g. 0/4; merge the shard files with `embed merge`." };
        var shardIndex = new Option<int?>("--shard-index") { Description = "Shard index i (Kubernetes JOB_COMPLETION_INDEX); with --shard-count." };
        var shardCount = new Option<int?>("--shard-count") { Description = "Number of shards n; with --shard-index." };
        var batch = new Option<int>("--batch-size") { Description = "Targets per global batch (bounds memory).", DefaultValueFactory = _ => defaults.BatchSize };
        var writeNeo4j = new Option<string?>("--write-neo4j") { Description = "Write user vectors into Neo4j (URI optional: else from the environment).", Arity = ArgumentArity.ZeroOrOne };
        var uri = new Option<string?>("--neo4j-uri") { Description = "Neo4j Bolt URI (else Neo4j__Uri / NEO4J_URI); --write-neo4j URI overrides it." };
        var user = new Option<string?>("--neo4j-user") { Description = "Neo4j user (else Neo4j__User / NEO4J_USERNAME, default neo4j)." };
        var passwordFile = new Option<string?>("--neo4j-password-file") { Description = "File holding the Neo4j password (else Neo4j__PasswordFile / NEO4J_PASSWORD)." };
        var database = new Option<string?>("--neo4j-database") { Description = "Neo4j database (else the server default)." };
        var createdAt = new Option<string?>("--created-at") { Description = "Creation time written into the output (ISO 8601; default now), for reproducible files." };
        var quiet = CommonOptions.Quiet();
        var threads = new Option<int?>("--threads") { Description = "TorchSharp intra-op threads (default: TorchSharp's); results are bit-identical for any value." };
        var command = new Command("embed", "Embed every user and content of a graph with a trained checkpoint into a snapshot (or one shard of it).")
        {
            graph, neo4j, checkpoint, output, shard, shardIndex, shardCount, batch, writeNeo4j, uri, user, passwordFile, database, createdAt, quiet,
            threads,
        };
        command.SetAction(async (parse, ct) =>
        {
            var clock = Stopwatch.StartNew();
            var error = parse.InvocationConfiguration.Error;
            var summary = parse.InvocationConfiguration.Output;
            EmbedSettings settings;
            try
            {
                settings = new EmbedSettings
                {
                    GraphFolder = parse.GetValue(graph),
                    FromNeo4j = parse.GetValue(neo4j),
                    Checkpoint = parse.GetValue(checkpoint)!,
                    Out = parse.GetValue(output)!,
                    Options = new EmbedOptions
                    {
                        BatchSize = parse.GetValue(batch),
                        Shard = Shard(parse.GetValue(shard), parse.GetValue(shardIndex), parse.GetValue(shardCount)),
                        CreatedAt = Time(parse.GetValue(createdAt)),
                    },
                    WriteNeo4j = parse.GetResult(writeNeo4j) is not null,
                    Neo4jUri = parse.GetValue(writeNeo4j) ?? parse.GetValue(uri),
                    Neo4jUser = parse.GetValue(user),
                    Neo4jPasswordFile = parse.GetValue(passwordFile),
                    Neo4jDatabase = parse.GetValue(database),
                };
                if (parse.GetValue(threads) is int n)
                {
                    if (n < 1) throw new FormatException($"--threads must be at least 1, got {n}");
                    TorchSharp.torch.set_num_threads(n);
                }
                if (settings.FromNeo4j == (settings.GraphFolder is not null))
                    throw new FormatException("give exactly one graph source: --graph DIR or --neo4j");
                settings.Options.Validate();
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                error.WriteLine($"embed: {e.Message}");
                return JobSummary.Failed(summary, "embed", clock, e.Message);
            }
            var log = parse.GetValue(quiet) ? TextWriter.Null : error;
            try
            {
                await new EmbeddingJob(settings, parse.InvocationConfiguration.Output, log).RunAsync(ct);
                return JobSummary.Ok(summary, "embed", clock, ("out", settings.Out), ("shard", settings.Options.Shard.ToString()));
            }
            catch (Exception e) when (e is GraphDataException or IOException or InvalidDataException or ArgumentException
                                          or Neo4jException or Neo4jStartupException or InvalidOperationException)
            {
                error.WriteLine($"embed: {e.Message}");
                return JobSummary.Failed(summary, "embed", clock, e.Message);
            }
        });
        command.Subcommands.Add(MergeCommand(createdAt));
        return command;
    }

    private static Command MergeCommand(Option<string?> createdAt)
    {
        var output = new Option<string>("--out", "-o") { Description = "Snapshot file to write (an existing folder gets a generated name).", Required = true };
        var shards = new Argument<string[]>("shards") { Description = "Shard files, or folders holding them.", Arity = ArgumentArity.OneOrMore };
        var merge = new Command("merge", "Merge the shard files of one sharded run into one snapshot, as a single process would have written it.")
        {
            output, shards, createdAt,
        };
        merge.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                ShardMergeJob.Run(parse.GetValue(output)!, parse.GetValue(shards)!, Time(parse.GetValue(createdAt)),
                    parse.InvocationConfiguration.Output);
                return JobSummary.Ok(parse.InvocationConfiguration.Output, "embed merge", clock, ("out", parse.GetValue(output)));
            }
            catch (Exception e) when (e is FormatException or IOException or InvalidDataException or ArgumentException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"embed merge: {e.Message}");
                return JobSummary.Failed(parse.InvocationConfiguration.Output, "embed merge", clock, e.Message);
            }
        });
        return merge;
    }

    private static ShardSpec Shard(string? spec, int? index, int? count)
    {
        if (spec is not null && (index is not null || count is not null))
            throw new FormatException("give --shard i/n or --shard-index with --shard-count, not both");
        if (spec is not null) return ShardSpec.Parse(spec);
        if (index is null != count is null) throw new FormatException("--shard-index and --shard-count go together");
        return index is int i ? ShardSpec.Create(i, count!.Value) : ShardSpec.Single;
    }

    private static DateTimeOffset? Time(string? text) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new FormatException($"--created-at '{text}' is not an ISO 8601 time");
}
