using GraphAttn.Graph;

namespace GraphAttn.Serving.Recommending;

/// <summary>Readable names for reason texts.</summary>
public static class Names
{
    /// <summary>A user's display name, or their id when the name is empty.</summary>
    public static string User(SocialGraph g, int user) =>
        string.IsNullOrEmpty(g.UserNames[user]) ? g.Users[user] : g.UserNames[user];

    /// <summary>How many names <see cref="Join(IReadOnlyList{string}, int)"/> shows before "and N others".</summary>
    public const int Shown = 3;

    /// <summary>"A", "A and B", "A, B and C", "A, B, C and 4 others".</summary>
    public static string Join(IReadOnlyList<string> names) => Join(names, names.Count);

    /// <summary>
    /// As <see cref="Join(IReadOnlyList{string})"/> for a list of <paramref name="total"/> names of which only the
    /// first <see cref="Shown"/> (or all, when fewer) are given: the rest are only counted.
    /// </summary>
    public static string Join(IReadOnlyList<string> names, int total)
    {
        if (total == 0) return "";
        if (total == 1) return names[0];
        if (total <= Shown) return string.Join(", ", names.Take(total - 1)) + " and " + names[total - 1];
        var rest = total - Shown;
        return string.Join(", ", names.Take(Shown)) + $" and {rest} other{(rest == 1 ? "" : "s")}";
    }
}
