using System.Text;

namespace GraphAttn.Graph.Loading.LastFm;

/// <summary>
/// Loads the HetRec 2011 Last.fm dataset (hetrec2011-lastfm-2k: artists.dat, tags.dat, user_artists.dat,
/// user_friends.dat, user_taggedartists.dat; tab-separated with a header line) into a <see cref="SocialGraph"/>:
/// <list type="bullet">
/// <item>users <c>u{userID}</c>, artists as contents <c>a{artistID}</c> titled by name, tags as topics <c>t{tagID}</c>;</item>
/// <item>user_friends: one FOLLOWS edge per row (the file lists both directions of every friendship);</item>
/// <item>user_artists: one <see cref="InteractionKind.Play"/> interaction per row, weight = listening count;</item>
/// <item>user_taggedartists: artist TAGGED tag for every distinct (artist, tag) pair, and time order: a play is
/// dated at the user's first tag assignment of that artist, or else at the user's first tag assignment of any
/// artist (plays carry no date in the dataset), or else at 0.</item>
/// </list>
/// Tag assignments naming an artist missing from artists.dat (the dataset has 1,538) are skipped and counted in
/// <see cref="Report"/>. Any malformed row fails with file, line and problem.
/// </summary>
/// <param name="folder">The dataset folder, e.g. ../shared/datasets/lastfm-2k.</param>
public sealed class LastFmSource(string folder) : IGraphSource
{
    /// <summary>File names of the dataset.</summary>
    public const string Artists = "artists.dat", Tags = "tags.dat", UserArtists = "user_artists.dat",
        UserFriends = "user_friends.dat", UserTaggedArtists = "user_taggedartists.dat";

    /// <inheritdoc />
    public string Describe => $"lastfm:{folder}";

    /// <summary>Rows skipped by the last load.</summary>
    public ImportReport Report { get; private set; } = new();

    /// <summary>True when <paramref name="path"/> looks like this dataset (has user_artists.dat and artists.dat).</summary>
    public static bool Recognizes(string path) =>
        File.Exists(Path.Combine(path, UserArtists)) && File.Exists(Path.Combine(path, Artists));

    /// <inheritdoc />
    public Task<SocialGraph> LoadAsync(IProgress<GraphLoadProgress>? progress, CancellationToken ct) =>
        Task.Run(() => Load(progress, ct), ct);

    /// <summary>Synchronous load.</summary>
    public SocialGraph Load(IProgress<GraphLoadProgress>? progress = null, CancellationToken ct = default)
    {
        var report = new ImportReport();
        var b = new GraphBuilder();
        var artists = new HashSet<long>();
        foreach (var r in Open(Artists).Rows(4))
        {
            var id = Id(r, 0, "id");
            Guard(r, () => b.AddContent("a" + id, r[1]));
            artists.Add(id);
        }
        progress?.Report(new GraphLoadProgress(Artists, artists.Count, true));
        // tags.dat is ISO-8859-1, unlike the other files.
        foreach (var r in Open(Tags, Encoding.Latin1).Rows(2)) Guard(r, () => b.AddTopic("t" + Id(r, 0, "tagID"), r[1]));

        var tagged = Open(UserTaggedArtists).Rows(6).ToList();
        var plays = Open(UserArtists).Rows(3).ToList();
        var friends = Open(UserFriends).Rows(2).ToList();
        var users = new SortedSet<long>(plays.Select(r => Id(r, 0, "userID"))
            .Concat(friends.SelectMany(r => new[] { Id(r, 0, "userID"), Id(r, 1, "friendID") }))
            .Concat(tagged.Select(r => Id(r, 0, "userID"))));
        foreach (var u in users) b.AddUser("u" + u);

        var dates = LastFmTagDates.Read(tagged, b, artists, report, ct);
        foreach (var r in plays)
        {
            ct.ThrowIfCancellationRequested();
            long user = Id(r, 0, "userID"), artist = Id(r, 1, "artistID");
            var weight = r.Double(2, "weight");
            var ts = dates.PlayTime(user, artist);
            Guard(r, () => b.AddInteraction("u" + user, "a" + artist, InteractionKind.Play, ts, (float)weight));
        }
        progress?.Report(new GraphLoadProgress(UserArtists, plays.Count, true));
        foreach (var r in friends) Guard(r, () => b.AddFollow("u" + Id(r, 0, "userID"), "u" + Id(r, 1, "friendID")));
        progress?.Report(new GraphLoadProgress(UserFriends, friends.Count, true));
        Report = report;
        return b.Build();
    }

    private TabFile Open(string name, Encoding? encoding = null) => new(Path.Combine(folder, name), encoding);

    internal static long Id(TabFile.Row r, int i, string column)
    {
        var v = r.Long(i, column);
        return v >= 0 ? v : throw r.Error($"column '{column}': id {v} is negative");
    }

    internal static void Guard(TabFile.Row r, Action add)
    {
        try { add(); }
        catch (GraphDataException ex) when (ex.File is null) { throw r.Error(ex.Problem); }
    }
}
