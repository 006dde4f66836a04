using System.Text;

namespace GraphAttn.Graph.Loading.GraphSeeds;

/// <summary>Writes CSV rows (UTF-8 without BOM, LF line ends), quoting fields per RFC 4180 only when needed.</summary>
internal sealed class CsvRowWriter(string path) : IDisposable
{
    private readonly StreamWriter _w = new(path, false, new UTF8Encoding(false)) { NewLine = "\n" };

    public void Row(params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) _w.Write(',');
            var s = fields[i];
            _w.Write(s.AsSpan().IndexOfAny(",\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        }
        _w.WriteLine();
    }

    public void Dispose() => _w.Dispose();
}
