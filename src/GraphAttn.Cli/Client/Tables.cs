using System.Globalization;
using GraphAttn.Contracts.V1;
using Spectre.Console;

namespace GraphAttn.Cli.Client;

/// <summary>Readable tables for responses, written to the command's output.</summary>
internal static class Tables
{
    public static void Content(RecommendContentResponse r, TextWriter output)
    {
        var table = new Table().AddColumns("#", "content", "title", "score", "topics", "reasons");
        var rank = 1;
        foreach (var item in r.Items)
            table.AddRow(Esc(rank++), Esc(item.ContentId), Esc(item.Title), Esc(item.Score.ToString("F4", CultureInfo.InvariantCulture)),
                Esc(string.Join(",", item.TopicIds)), Esc(string.Join("; ", item.Reasons.Select(x => x.Text))));
        Write(output, table, r.Provenance);
    }

    public static void Friends(RecommendFriendsResponse r, TextWriter output)
    {
        var table = new Table().AddColumns("#", "user", "name", "score", "mutual", "reasons");
        var rank = 1;
        foreach (var u in r.Users)
            table.AddRow(Esc(rank++), Esc(u.UserId), Esc(u.Name), Esc(u.Score.ToString("F4", CultureInfo.InvariantCulture)),
                Esc(u.MutualFriendCount), Esc(string.Join("; ", u.Reasons.Select(x => x.Text))));
        Write(output, table, r.Provenance);
    }

    public static void Profile(GetUserProfileResponse p, TextWriter output)
    {
        var a = p.Activity;
        var table = new Table().AddColumns("field", "value");
        table.AddRow("user", Esc($"{p.UserId} ({p.Name})"));
        table.AddRow("interests", Esc(string.Join(", ", p.Interests.Select(i => $"{i.Name} {i.Weight:P0}"))));
        table.AddRow("influential friends", Esc(string.Join(", ", p.InfluentialFriends.Select(f => $"{f.Name} {f.Weight:F2}"))));
        table.AddRow("community", Esc($"#{p.Community.Id}, {p.Community.Size} users; top: {string.Join(", ", p.Community.TopTopics.Select(t => t.Name))}"));
        table.AddRow("activity", Esc($"{a.InteractionCount} interactions ({string.Join(", ", a.InteractionsByKind.Select(k => $"{k.Key} {k.Value}"))}), " +
                                    $"follows {a.FollowingCount}, followers {a.FollowerCount}, posted {a.PostedCount}"));
        table.AddRow("active", Esc($"{a.FirstActivity?.ToDateTimeOffset():u} .. {a.LastActivity?.ToDateTimeOffset():u}"));
        Write(output, table, p.Provenance);
    }

    public static void Info(GetServiceInfoResponse i, TextWriter output)
    {
        var table = new Table().AddColumns("field", "value");
        table.AddRow("graph source", Esc(i.GraphSource));
        table.AddRow("counts", Esc($"{i.Counts.Users} users, {i.Counts.Contents} contents, {i.Counts.Topics} topics, {i.Counts.Follows} follows, {i.Counts.Interactions} interactions"));
        table.AddRow("loaded at", Esc($"{i.LoadedAt.ToDateTimeOffset():u}"));
        table.AddRow("live events", Esc(i.LiveEvents));
        table.AddRow("server version", Esc(i.ServerVersion));
        if (i.Model is { } m)
        {
            table.AddRow("answering", Esc(m.Live == "gat" ? $"model {m.ModelId}" : "baselines"));
            table.AddRow("model phase", Esc($"{m.Phase}: {m.Detail}"));
            if (m.SnapshotPath.Length > 0)
                table.AddRow("snapshot", Esc($"{m.SnapshotPath} (created {m.SnapshotCreatedAt?.ToDateTimeOffset():u})"));
            table.AddRow("online embeddings", Esc(m.OnlineEmbeddings ? "yes: new users and live events embedded per request" : "no"));
            if (m.Live == "gat")
            {
                table.AddRow("content score", Esc(m.ContentFilterWeight > 0
                    ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"embeddings + {m.ContentFilterWeight:G4} × graph filter")
                    : "embeddings only"));
                table.AddRow("friend score", Esc(m.FriendStructureWeight > 0
                    ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"embeddings + {m.FriendStructureWeight:G4} × Adamic-Adar")
                    : "embeddings only"));
            }
        }
        Write(output, table, i.Provenance);
    }

    private static void Write(TextWriter output, Table table, Provenance? provenance)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.Detect });
        console.Write(table);
        if (provenance is not null)
            console.WriteLine($"model: {provenance.ModelVersion} ({provenance.Method}), graph {provenance.GraphFingerprint}");
    }

    private static string Esc(object value) => Markup.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
}
