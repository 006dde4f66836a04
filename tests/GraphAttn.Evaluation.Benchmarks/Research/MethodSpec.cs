using System.Globalization;

namespace GraphAttn.Evaluation.Benchmarks.Research;

/// <summary>
/// A method name with settings, <c>NAME:key=value+key=value</c> (commas separate methods on the eval command line), e.g.
/// <c>lightgcn:lr=0.01+batch=8192</c>. A name ending in <c>-friends</c> is the friend-task variant.
/// </summary>
internal sealed record MethodSpec(string Text, string Name, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>Parses <paramref name="text"/>; a bare name has no settings.</summary>
    public static MethodSpec Parse(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 0) return new MethodSpec(text, text, new Dictionary<string, string>());
        var settings = text[(colon + 1)..].Split('+', StringSplitOptions.RemoveEmptyEntries)
            .Select(kv => kv.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length == 2 ? kv[1] : "true", StringComparer.OrdinalIgnoreCase);
        return new MethodSpec(text, text[..colon], settings);
    }

    /// <summary>True for the friend-task variant.</summary>
    public bool IsFriends => Name.EndsWith("-friends", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name without the friend suffix.</summary>
    public string Base => IsFriends ? Name[..^"-friends".Length] : Name;

    /// <summary>The settings without the friend suffix in the name: the key a content and a friend variant share.</summary>
    public string SharedKey => Base + (Text.IndexOf(':') is var c and >= 0 ? Text[c..] : "");

    public double Double(string key, double fallback) =>
        Settings.TryGetValue(key, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public int Int(string key, int fallback) =>
        Settings.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public bool Bool(string key, bool fallback) =>
        Settings.TryGetValue(key, out var v) ? bool.Parse(v) : fallback;
}
