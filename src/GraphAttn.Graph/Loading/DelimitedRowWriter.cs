using System.Globalization;
using System.Text;

namespace GraphAttn.Graph.Loading;

/// <summary>
/// Buffered UTF-8 writer of delimited rows (no BOM, LF line ends): CSV with RFC 4180 quoting only where a field needs
/// it, or tab-separated (RecBole's atomic files), where a tab or line break inside a field becomes a space because
/// that format has no quoting. Numbers are formatted with the invariant culture straight into the buffer.
/// </summary>
public sealed class DelimitedRowWriter : IDisposable
{
    private const int BufferChars = 1 << 16;
    private readonly StreamWriter _writer;
    private readonly char _delimiter;
    private bool _atLineStart = true;

    /// <summary>Creates (or overwrites) <paramref name="path"/>; <paramref name="delimiter"/> is ',' (CSV) or '\t'.</summary>
    /// <exception cref="ArgumentException">Another delimiter.</exception>
    public DelimitedRowWriter(string path, char delimiter = ',')
    {
        if (delimiter is not (',' or '\t'))
        {
            throw new ArgumentException($"Delimiter must be ',' or a tab, got '{delimiter}'.", nameof(delimiter));
        }

        _delimiter = delimiter;
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferChars);
    }

    /// <summary>Writes a text field: quoted in CSV when it holds a comma, quote, CR or LF; cleaned of tabs and breaks in TSV.</summary>
    public void Field(string value)
    {
        Separate();
        if (_delimiter == '\t')
        {
            _writer.Write(value.AsSpan().IndexOfAny("\t\r\n") < 0 ? value : value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' '));
            return;
        }

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

    /// <summary>Writes a double field in its shortest round-trip form ("1", "0.25").</summary>
    public void Field(double value)
    {
        Separate();
        Span<char> buffer = stackalloc char[32];
        value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    /// <summary>Writes a float field in its shortest round-trip form.</summary>
    public void Field(float value)
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

    /// <summary>Writes text fields as one whole row.</summary>
    public void Row(params string[] fields)
    {
        foreach (var field in fields) Field(field);
        EndRow();
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
        if (!_atLineStart) _writer.Write(_delimiter);
        _atLineStart = false;
    }
}
