using GraphAttn.Graph;
using GraphAttn.Graph.Loading;
using GraphAttn.Seeds.Naming;
using GraphAttn.Seeds.Planting;

namespace GraphAttn.Seeds.Writing;

/// <summary>Writes the seven graph files of a graph-seeds folder from a planted world.</summary>
internal sealed class GraphFileWriter(SeedWorld world, string folder, IProgress<SeedProgress>? progress)
{
    private readonly string[] _userIds = Ids(world.Population.UserCount, SeedCsvLayout.UserId);
    private readonly string[] _contentIds = Ids(world.Catalog.Count, SeedCsvLayout.ContentId);
    private readonly string[] _topicIds = Ids(world.Options.Topics, SeedCsvLayout.TopicId);

    /// <summary>Writes every file, the big interactions file in parallel with the rest; returns total bytes.</summary>
    public long WriteAll()
    {
        var interactions = Task.Run(WriteInteractions);
        var rest = WriteUsers() + WriteContents() + WriteTopics() + WriteFollows() + WritePosted() + WriteTagged();
        return rest + interactions.GetAwaiter().GetResult();
    }

    private long WriteUsers() => Write("users.csv", w =>
    {
        for (var u = 0; u < _userIds.Length; u++)
        {
            w.Field(_userIds[u]);
            w.Field(NameBook.User(u));
            w.Field(world.Population.JoinedAt[u]);
            w.EndRow();
        }
    });

    private long WriteContents() => Write("contents.csv", w =>
    {
        var catalog = world.Catalog;
        for (var c = 0; c < _contentIds.Length; c++)
        {
            w.Field(_contentIds[c]);
            w.Field(NameBook.Title(c, NameBook.Topic(catalog.Topics.ColumnsOf(c)[0])));
            w.Field(catalog.CreatedAt[c]);
            w.EndRow();
        }
    });

    private long WriteTopics() => Write("topics.csv", w =>
    {
        for (var t = 0; t < _topicIds.Length; t++)
        {
            w.Field(_topicIds[t]);
            w.Field(NameBook.Topic(t));
            w.EndRow();
        }
    });

    private long WriteFollows() => Write("follows.csv", w =>
    {
        var follows = world.Follows;
        for (var u = 0; u < _userIds.Length; u++)
        {
            for (var i = follows.Offsets[u]; i < follows.Offsets[u + 1]; i++)
            {
                w.Field(_userIds[u]);
                w.Field(_userIds[follows.Targets[i]]);
                w.Field(follows.Since[i]);
                w.EndRow();
            }
        }
    });

    private long WriteInteractions() => Write("interactions.csv", w =>
    {
        var log = world.Interactions;
        for (var e = 0; e < log.Count; e++)
        {
            w.Field(_userIds[log.Users[e]]);
            w.Field(_contentIds[log.Contents[e]]);
            w.Field(((InteractionKind)log.Kinds[e]).ToCsv());
            w.Field(log.Timestamps[e]);
            w.Field(KindMix.Weights[log.Kinds[e]]);
            w.EndRow();
            if ((e & 0xFFFFF) == 0) progress?.Report(new SeedProgress("write interactions.csv", e, log.Count));
        }
    });

    private long WritePosted() => Write("posted.csv", w =>
    {
        var catalog = world.Catalog;
        for (var c = 0; c < _contentIds.Length; c++)
        {
            w.Field(_userIds[catalog.Author[c]]);
            w.Field(_contentIds[c]);
            w.Field(catalog.CreatedAt[c]);
            w.EndRow();
        }
    });

    private long WriteTagged() => Write("tagged.csv", w =>
    {
        var topics = world.Catalog.Topics;
        for (var c = 0; c < _contentIds.Length; c++)
        {
            foreach (var t in topics.ColumnsOf(c))
            {
                w.Field(_contentIds[c]);
                w.Field(_topicIds[t]);
                w.EndRow();
            }
        }
    });

    private long Write(string file, Action<DelimitedRowWriter> rows)
    {
        progress?.Report(new SeedProgress($"write {file}", 0, 1));
        using var writer = new DelimitedRowWriter(Path.Combine(folder, file));
        writer.Header(SeedCsvLayout.HeaderOf(file));
        rows(writer);
        return writer.Length;
    }

    private static string[] Ids(int count, Func<int, string> id)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++) ids[i] = id(i);
        return ids;
    }
}
