namespace GraphAttn.Graph.Loading.RecBole;

/// <summary>
/// The header of a RecBole atomic file: tab-separated <c>name:type</c> fields, type one of token, token_seq,
/// float, float_seq.
/// </summary>
internal sealed class AtomicHeader
{
    private static readonly string[] Types = ["token", "token_seq", "float", "float_seq"];
    private readonly (string Name, string Type)[] _fields;

    private AtomicHeader((string, string)[] fields) => _fields = fields;

    /// <summary>Number of fields.</summary>
    public int Count => _fields.Length;

    public static AtomicHeader Read(TabFile file)
    {
        var raw = file.Header();
        var fields = new (string, string)[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            var colon = raw[i].LastIndexOf(':');
            var type = colon < 0 ? "" : raw[i][(colon + 1)..];
            if (colon <= 0 || !Types.Contains(type))
                throw new GraphDataException(file.Path, 1, $"header field '{raw[i]}' is not name:type with type one of {string.Join(", ", Types)}");
            fields[i] = (raw[i][..colon], type);
        }
        return new AtomicHeader(fields);
    }

    /// <summary>Index of the first field called any of <paramref name="names"/>, or -1.</summary>
    public int Find(params string[] names) => Array.FindIndex(_fields, f => names.Contains(f.Name));

    /// <summary>Like <see cref="Find"/> but the field must exist.</summary>
    public int Require(TabFile file, params string[] names)
    {
        var i = Find(names);
        return i >= 0 ? i : throw new GraphDataException(file.Path, 1, $"header lacks a '{names[0]}' field");
    }

    /// <summary>Indices of token_seq fields other than <paramref name="except"/>.</summary>
    public IEnumerable<int> Sequences(int except) =>
        Enumerable.Range(0, _fields.Length).Where(i => i != except && _fields[i].Type == "token_seq");

    /// <summary>Index of the first field whose name contains "title" or "name", or -1.</summary>
    public int TitleField() => Array.FindIndex(_fields, f =>
        f.Name.Contains("title", StringComparison.OrdinalIgnoreCase) || f.Name.Contains("name", StringComparison.OrdinalIgnoreCase));
}
