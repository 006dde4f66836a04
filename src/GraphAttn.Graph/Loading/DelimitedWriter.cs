using System.Globalization;
using System.Text;

namespace GraphAttn.Graph.Loading;

/// <summary>Writes delimited text rows (UTF-8, no BOM, LF line ends); CSV fields are quoted per RFC 4180 when needed.</summary>
internal sealed class DelimitedWriter(string path, char delimiter) : IDisposable
{
    private readonly StreamWriter _w = new(path, false, new UTF8Encoding(false)) { NewLine = "\n" };

    public void Row(params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) _w.Write(delimiter);
            _w.Write(delimiter == ',' ? Quote(fields[i]) : Clean(fields[i]));
        }
        _w.WriteLine();
    }

    public static string Number(long v) => v.ToString(CultureInfo.InvariantCulture);

    public static string Number(float v) => v.ToString("R", CultureInfo.InvariantCulture);

    public void Dispose() => _w.Dispose();

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // Atomic files have no quoting: a tab or line break inside a field would split it, so it becomes a space.
    private static string Clean(string s) =>
        s.AsSpan().IndexOfAny("\t\r\n") < 0 ? s : s.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
