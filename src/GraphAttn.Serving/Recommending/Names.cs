using GraphAttn.Graph;

namespace GraphAttn.Serving.Recommending;

/// <summary>Readable names for reason texts.</summary>
public static class Names
{
    /// <summary>A user's display name, or their id when the name is empty.</summary>
    public static string User(SocialGraph g, int user) =>
        string.IsNullOrEmpty(g.UserNames[user]) ? g.Users[user] : g.UserNames[user];

    /// <summary>"A", "A and B", "A, B and C", "A, B, C and 4 others".</summary>
    public static string Join(IReadOnlyList<string> names, int shown = 3)
    {
        if (names.Count == 0) return "";
        if (names.Count == 1) return names[0];
        if (names.Count <= shown) return string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        var rest = names.Count - shown;
        return string.Join(", ", names.Take(shown)) + $" and {rest} other{(rest == 1 ? "" : "s")}";
    }
}
