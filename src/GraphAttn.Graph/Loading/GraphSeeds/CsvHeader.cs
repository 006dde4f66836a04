namespace GraphAttn.Graph.Loading.GraphSeeds;

/// <summary>
/// A parsed neo4j-admin import header. Each column is <c>name:TYPE</c>, where TYPE is a property type (long, float,
/// string, ...) or a role: <c>ID(Group)</c>, <c>START_ID(Group)</c>, <c>END_ID(Group)</c>. Lookups by role or
/// property name return the column ordinal or throw a <see cref="GraphDataException"/> naming what is missing.
/// </summary>
internal sealed class CsvHeader
{
    private readonly List<(string Name, string Type)> _columns = [];
    private readonly string _file;

    public CsvHeader(string file, IEnumerable<string> names)
    {
        _file = file;
        foreach (var raw in names)
        {
            var colon = raw.IndexOf(':');
            _columns.Add(colon < 0 ? (raw.Trim(), "string") : (raw[..colon].Trim(), raw[(colon + 1)..].Trim()));
        }
    }

    /// <summary>Ordinal of the column whose type is <c>role(group)</c>, e.g. <c>START_ID(User)</c>.</summary>
    public int Role(string role, string group)
    {
        var wanted = $"{role}({group})";
        for (var i = 0; i < _columns.Count; i++)
        {
            var type = _columns[i].Type;
            if (type.Equals(wanted, StringComparison.OrdinalIgnoreCase)) return i;
            if (type.StartsWith(role + "(", StringComparison.OrdinalIgnoreCase) || type.Equals(role, StringComparison.OrdinalIgnoreCase))
                throw Bad($"column {i + 1} is :{type} but this file needs :{wanted}");
        }
        throw Bad($"missing column :{wanted}");
    }

    /// <summary>Ordinal of a property column, checking its declared type; -1 when optional and absent.</summary>
    public int Property(string name, PropertyType type, bool required)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            if (!_columns[i].Name.Equals(name, StringComparison.Ordinal)) continue;
            if (!Accepts(type, _columns[i].Type))
                throw Bad($"column '{name}' is declared :{_columns[i].Type} but must be {type.ToString().ToLowerInvariant()}");
            return i;
        }
        return required ? throw Bad($"missing column '{name}' ({type.ToString().ToLowerInvariant()})") : -1;
    }

    private static bool Accepts(PropertyType wanted, string declared) => wanted switch
    {
        PropertyType.Long => declared is "long" or "int" or "short",
        PropertyType.Float => declared is "float" or "double",
        _ => declared is "string",
    };

    private GraphDataException Bad(string problem) => new(_file, 1, $"bad header: {problem}");
}

/// <summary>Property types the loader understands.</summary>
internal enum PropertyType { String, Long, Float }
