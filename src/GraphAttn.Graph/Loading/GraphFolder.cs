using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Graph.Loading.LastFm;
using GraphAttn.Graph.Loading.RecBole;

namespace GraphAttn.Graph.Loading;

/// <summary>Recognises and loads the dataset folders the eval command accepts.</summary>
public static class GraphFolder
{
    /// <summary>Formats: <c>auto</c> (detect), <c>seeds</c> (graph-seeds CSV), <c>lastfm</c> (HetRec), <c>recbole</c>.</summary>
    public static readonly string[] Formats = ["auto", "seeds", "lastfm", "recbole"];

    /// <summary>The graph source for <paramref name="folder"/>.</summary>
    /// <exception cref="ArgumentException">When the format is unknown or auto-detection finds nothing.</exception>
    public static IGraphSource Source(string folder, string format = "auto")
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Dataset folder '{folder}' does not exist.");
        if (format == "auto")
        {
            format = File.Exists(Path.Combine(folder, SeedFiles.Users)) ? "seeds"
                : LastFmSource.Recognizes(folder) ? "lastfm"
                : RecBoleAtomicSource.Recognizes(folder) ? "recbole"
                : throw new ArgumentException(
                    $"'{folder}' is none of: graph-seeds (users.csv), HetRec Last.fm (user_artists.dat), RecBole (one *.inter).");
        }
        return format switch
        {
            "seeds" => new CsvGraphSource(folder),
            "lastfm" => new LastFmSource(folder),
            "recbole" => new RecBoleAtomicSource(folder),
            _ => throw new ArgumentException($"Unknown dataset format '{format}'; use one of {string.Join(", ", Formats)}."),
        };
    }
}
