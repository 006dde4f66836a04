using System.Globalization;
using System.Text;

namespace GraphAttn.Graph.Loading;

/// <summary>
/// Reads a tab-separated file with a header line, row by row, with the 1-based line number, and turns bad fields
/// into <see cref="GraphDataException"/>s that name file, line and problem.
/// </summary>
internal sealed class TabFile(string path, Encoding? encoding = null)
{
    /// <summary>Path of the file, as given.</summary>
    public string Path => path;

    /// <summary>The header fields.</summary>
    public string[] Header()
    {
        using var r = Open();
        var first = r.ReadLine() ?? throw new GraphDataException(path, 1, "file is empty; expected a header line");
        return first.Split('\t');
    }

    /// <summary>Data rows after the header (empty lines skipped), each checked to have <paramref name="fields"/> fields.</summary>
    public IEnumerable<Row> Rows(int fields)
    {
        using var r = Open();
        if (r.ReadLine() is null) throw new GraphDataException(path, 1, "file is empty; expected a header line");
        var line = 1;
        while (r.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            var f = text.Split('\t');
            if (f.Length != fields) throw new GraphDataException(path, line, $"expected {fields} tab-separated fields, found {f.Length}");
            yield return new Row(this, line, f);
        }
    }

    private StreamReader Open()
    {
        if (!File.Exists(path)) throw new GraphDataException(path, 0, "file is missing");
        return new StreamReader(path, encoding ?? new UTF8Encoding(false, true));
    }

    /// <summary>One data row.</summary>
    public readonly record struct Row(TabFile File, int Line, string[] Fields)
    {
        /// <summary>Field <paramref name="i"/> as text.</summary>
        public string this[int i] => Fields[i];

        /// <summary>Field <paramref name="i"/> as an integer, or a located error naming <paramref name="column"/>.</summary>
        public long Long(int i, string column) =>
            long.TryParse(Fields[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
                ? v : throw Error($"column '{column}': '{Fields[i]}' is not an integer");

        /// <summary>Field <paramref name="i"/> as a finite number, or a located error naming <paramref name="column"/>.</summary>
        public double Double(int i, string column) =>
            double.TryParse(Fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                ? v : throw Error($"column '{column}': '{Fields[i]}' is not a number");

        /// <summary>A data error at this row.</summary>
        public GraphDataException Error(string problem) => new(File.Path, Line, problem);
    }
}
