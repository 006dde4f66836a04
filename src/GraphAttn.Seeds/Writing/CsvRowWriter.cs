using System.Globalization;
using System.Text;

namespace GraphAttn.Seeds.Writing;

/// <summary>
/// Buffered UTF-8 CSV writer (no BOM, LF line ends, RFC 4180 quoting only where a field needs it).
/// Numbers are formatted with the invariant culture straight into the buffer, without allocating.
/// </summary>
public sealed class CsvRowWriter : IDisposable
{
    private const int BufferChars = 1 << 16;
    private readonly StreamWriter _writer;
    private bool _atLineStart = true;

    /// <summary>Creates (or overwrites) <paramref name="path"/>.</summary>
    public CsvRowWriter(string path)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferChars);
    }

    /// <summary>Writes a text field, quoted when it holds a comma, quote, CR or LF.</summary>
    public void Field(string value)
    {
        Separate();
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(value);
            return;
        }
        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }

    /// <summary>Writes an integer field.</summary>
    public void Field(long value)
    {
        Separate();
        Span<char> buffer = stackalloc char[24];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    /// <summary>Writes a float field in its shortest round-trip form ("1", "0.25").</summary>
    public void Field(double value)
    {
        Separate();
        Span<char> buffer = stackalloc char[32];
        value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    /// <summary>Ends the current row.</summary>
    public void EndRow()
    {
        _writer.Write('\n');
        _atLineStart = true;
    }

    /// <summary>Writes a whole header row, e.g. <c>["userId:ID(User)", "name"]</c>.</summary>
    public void Header(IReadOnlyList<string> columns)
    {
        foreach (var column in columns) Field(column);
        EndRow();
    }

    /// <summary>Bytes written so far (flushes).</summary>
    public long Length
    {
        get
        {
            _writer.Flush();
            return _writer.BaseStream.Length;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private void Separate()
    {
        if (!_atLineStart) _writer.Write(',');
        _atLineStart = false;
    }
}
