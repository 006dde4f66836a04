using System.Globalization;
using GraphAttn.Graph.Loading;
using GraphAttn.Seeds.Planting;

namespace GraphAttn.Seeds.Writing;

/// <summary>
/// Writes the planted truth (communities, topic mixes, user interests, a summary of options and counts) under
/// <see cref="SeedCsvLayout.PlantedFolder"/>, for evaluation; graph loaders never read it.
/// </summary>
internal sealed class PlantedFileWriter(SeedWorld world, string folder)
{
    public long WriteAll()
    {
        Directory.CreateDirectory(folder);
        return WriteCommunities() + WriteCommunityTopics() + WriteUserInterests();
    }

    /// <summary>Written last, once the byte count of everything else is known (it excludes its own size).</summary>
    public long WriteSummary(SeedSummary summary) => Write("summary.csv", w =>
    {
        var o = world.Options;
        var rows = new (string Key, string Value)[]
        {
            ("users", Text(o.Users)), ("seed", Text(o.Seed)), ("topics", Text(o.Topics)),
            ("communities", Text(o.Communities)), ("contents", Text(o.ContentCount)),
            ("avgFollows", Text(o.AvgFollows)), ("avgInteractions", Text(o.AvgInteractions)),
            ("start", o.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("days", Text(o.Days)),
            ("withinCommunityFollow", Text(o.WithinCommunityFollow)), ("socialInfluence", Text(o.SocialInfluence)),
            ("personalTaste", Text(o.PersonalTaste)),
            ("follows.rows", Text(summary.Follows)), ("interactions.rows", Text(summary.Interactions)),
            ("interactions.social", Text(summary.SocialInteractions)), ("tagged.rows", Text(summary.Tagged)),
            ("bytes.excludingSummary", Text(summary.Bytes)),
        };
        foreach (var (key, value) in rows)
        {
            w.Field(key);
            w.Field(value);
            w.EndRow();
        }
    });

    private long WriteCommunities() => Write("communities.csv", w =>
    {
        var community = world.Population.Community;
        for (var u = 0; u < community.Length; u++)
        {
            w.Field(SeedCsvLayout.UserId(u));
            w.Field(community[u]);
            w.EndRow();
        }
    });

    private long WriteCommunityTopics() => Write("community_topics.csv", w => WriteRows(w, world.Population.CommunityTopics, r => r.ToString(CultureInfo.InvariantCulture)));

    private long WriteUserInterests() => Write("user_interests.csv", w => WriteRows(w, world.Population.Interests, SeedCsvLayout.UserId));

    private static void WriteRows(DelimitedRowWriter w, SparseRows rows, Func<int, string> rowId)
    {
        for (var r = 0; r < rows.RowCount; r++)
        {
            var id = rowId(r);
            var topics = rows.ColumnsOf(r);
            var weights = rows.WeightsOf(r);
            for (var i = 0; i < topics.Length; i++)
            {
                w.Field(id);
                w.Field(SeedCsvLayout.TopicId(topics[i]));
                w.Field(weights[i]);
                w.EndRow();
            }
        }
    }

    private long Write(string file, Action<DelimitedRowWriter> rows)
    {
        using var writer = new DelimitedRowWriter(Path.Combine(folder, file));
        writer.Header(SeedCsvLayout.HeaderOf(file));
        rows(writer);
        return writer.Length;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
