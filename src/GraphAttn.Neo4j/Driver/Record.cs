using System.Globalization;

namespace GraphAttn.Neo4j.Driver;

/// <summary>One result row: values by column index or name.</summary>
public sealed class Record
{
    private readonly IReadOnlyDictionary<string, int> _index;

    internal Record(IReadOnlyList<string> keys, IReadOnlyDictionary<string, int> index, object?[] values)
    {
        Keys = keys;
        _index = index;
        Values = values;
    }

    /// <summary>Column names, in RETURN order.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Values in column order.</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <summary>The value at a column index.</summary>
    public object? this[int index] => Values[index];

    /// <summary>The value of a named column; throws <see cref="KeyNotFoundException"/> listing the columns.</summary>
    public object? this[string key] => _index.TryGetValue(key, out var i)
        ? Values[i]
        : throw new KeyNotFoundException($"No column '{key}' (columns: {string.Join(", ", Keys)}).");

    /// <summary>
    /// The named value converted to <typeparamref name="T"/>: integers and floats convert between numeric
    /// types; null stays null for reference and nullable types.
    /// </summary>
    public T Get<T>(string key)
    {
        var value = this[key];
        if (value is T typed)
        {
            return typed;
        }

        if (value is null)
        {
            return default(T) is null ? default! : throw new InvalidCastException($"Column '{key}' is null.");
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }
}
