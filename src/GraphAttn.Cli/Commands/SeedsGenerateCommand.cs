using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using GraphAttn.Cli.Options;
using GraphAttn.Cli.Output;
using GraphAttn.Seeds;

namespace GraphAttn.Cli.Commands;

/// <summary><c>seeds generate --users N --seed S --out DIR [options]</c>: writes a graph-seeds folder.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var defaults = new SeedOptions();
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Output folder (created if missing).", Required = true };
        var users = Positive(new Option<int>("--users") { Description = "Number of users.", DefaultValueFactory = _ => defaults.Users });
        var seed = new Option<long>("--seed") { Description = "Random seed; same options and seed give identical bytes.", DefaultValueFactory = _ => defaults.Seed };
        var topics = Positive(new Option<int>("--topics") { Description = "Number of topics.", DefaultValueFactory = _ => defaults.Topics });
        var communities = Positive(new Option<int>("--communities") { Description = "Number of planted communities.", DefaultValueFactory = _ => defaults.Communities });
        var contents = new Option<int?>("--contents") { Description = "Number of content items [default: 2 x users]." };
        var follows = new Option<double>("--avg-follows") { Description = "Mean follows per user.", DefaultValueFactory = _ => defaults.AvgFollows };
        var interactions = new Option<double>("--avg-interactions") { Description = "Mean interactions per user.", DefaultValueFactory = _ => defaults.AvgInteractions };
        var start = new Option<DateOnly>("--start")
        {
            Description = "Interaction window start, UTC (yyyy-MM-dd).",
            DefaultValueFactory = _ => defaults.Start,
            CustomParser = ParseDate,
        };
        var days = Positive(new Option<int>("--days") { Description = "Interaction window length in days.", DefaultValueFactory = _ => defaults.Days });
        var within = new Option<double>("--within-community") { Description = "Share of follows inside the follower's community.", DefaultValueFactory = _ => defaults.WithinCommunityFollow };
        var social = new Option<double>("--social-influence") { Description = "Share of interactions copied from a followee's recent items.", DefaultValueFactory = _ => defaults.SocialInfluence };
        var taste = new Option<double>("--personal-taste") { Description = "Share of interest mass outside the community's topics.", DefaultValueFactory = _ => defaults.PersonalTaste };
        var quiet = CommonOptions.Quiet();

        var generate = new Command("generate", "Generate a deterministic social graph with planted communities, interests and social influence.")
        {
            output, users, seed, topics, communities, contents, follows, interactions, start, days, within, social, taste, quiet,
        };
        generate.SetAction((parse, ct) =>
        {
            var options = new SeedOptions
            {
                Users = parse.GetValue(users),
                Seed = parse.GetValue(seed),
                Topics = parse.GetValue(topics),
                Communities = parse.GetValue(communities),
                Contents = parse.GetValue(contents),
                AvgFollows = parse.GetValue(follows),
                AvgInteractions = parse.GetValue(interactions),
                Start = parse.GetValue(start),
                Days = parse.GetValue(days),
                WithinCommunityFollow = parse.GetValue(within),
                SocialInfluence = parse.GetValue(social),
                PersonalTaste = parse.GetValue(taste),
            };
            return Task.FromResult(Run(options, parse.GetValue(output)!.FullName, parse.GetValue(quiet), parse.InvocationConfiguration, ct));
        });
        return generate;
    }

    private static int Run(SeedOptions options, string folder, bool quiet, InvocationConfiguration console, CancellationToken ct)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            console.Error.WriteLine(e.Message);
            return 2;
        }
        var clock = Stopwatch.StartNew();
        var progress = quiet ? null : new ProgressPrinter(console.Output, clock);
        SeedSummary summary;
        try
        {
            summary = new SeedGenerator(options).Generate(folder, progress, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"Cannot write {folder}: {e.Message}");
            return 1;
        }
        console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {folder}: {summary.Users:N0} users, {summary.Contents:N0} contents, {summary.Topics:N0} topics, " +
            $"{summary.Follows:N0} follows, {summary.Interactions:N0} interactions ({summary.SocialInteractions:N0} social), " +
            $"{summary.Tagged:N0} tags, {summary.Bytes / 1e6:F1} MB in {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static T Positive<T>(T option) where T : Option<int>
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0) result.AddError($"{option.Name} must be positive.");
        });
        return option;
    }

    private static DateOnly ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        result.AddError($"--start must be a date like 2025-06-01, got '{text}'.");
        return default;
    }
}
