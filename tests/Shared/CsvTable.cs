using System.Text;

namespace GraphAttn.Tests.Shared;

/// <summary>
/// An independent RFC 4180 reader for the tests (quoted fields, doubled quotes, LF or CRLF), so the generator's
/// writer is checked against a parser it does not share code with.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(string[] header, List<string[]> rows) => (Header, Rows) = (header, rows);

    public string[] Header { get; }

    public List<string[]> Rows { get; }

    public int Column(string name)
    {
        var i = Array.IndexOf(Header, name);
        return i >= 0 ? i : throw new InvalidOperationException($"No column {name} in [{string.Join(",", Header)}].");
    }

    public static CsvTable Read(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false));
        var records = Parse(text);
        return new CsvTable(records[0], records.GetRange(1, records.Count - 1));
    }

    private static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (i + 1 < text.Length && text[i + 1] == '"') field.Append(text[++i]);
                else quoted = false;
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r') continue;
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else field.Append(ch);
        }
        if (quoted) throw new FormatException("Unterminated quoted field.");
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); records.Add([.. fields]); }
        return records;
    }
}
