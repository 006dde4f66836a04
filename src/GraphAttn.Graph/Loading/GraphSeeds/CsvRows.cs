using System.Globalization;
using Sylvan.Data.Csv;

namespace GraphAttn.Graph.Loading.GraphSeeds;

/// <summary>
/// Forward-only reader over one seed file: exposes the header, typed field access that reports file, line and
/// column on bad values, and progress ticks. Field access returns spans, so ids are resolved without allocation.
/// </summary>
internal sealed class CsvRows : IDisposable
{
    private const int ProgressEvery = 250_000;
    private readonly CsvDataReader _reader;
    private readonly IProgress<GraphLoadProgress>? _progress;
    private readonly int _fieldCount;
    private long _rows;

    public CsvRows(string path, IProgress<GraphLoadProgress>? progress)
    {
        File = Path.GetFileName(path);
        _progress = progress;
        var options = new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', BufferSize = 1 << 16 };
        _reader = CsvDataReader.Create(path, options);
        _fieldCount = _reader.FieldCount;
        Header = new CsvHeader(File, Enumerable.Range(0, _fieldCount).Select(_reader.GetName));
    }

    public string File { get; }
    public CsvHeader Header { get; }

    /// <summary>1-based line of the current row, counting the header as line 1 (one line per record).</summary>
    public long Line => _rows + 1;

    public bool Read(CancellationToken ct)
    {
        if (!_reader.Read())
        {
            _progress?.Report(new GraphLoadProgress(File, _rows, Done: true));
            return false;
        }
        _rows++;
        if (_rows % ProgressEvery == 0)
        {
            ct.ThrowIfCancellationRequested();
            _progress?.Report(new GraphLoadProgress(File, _rows, Done: false));
        }
        if (_reader.RowFieldCount != _fieldCount)
            throw Error($"expected {_fieldCount} fields as in the header, found {_reader.RowFieldCount}");
        return true;
    }

    public ReadOnlySpan<char> Span(int ordinal) => _reader.GetFieldSpan(ordinal);

    public string String(int ordinal) => ordinal < 0 ? "" : _reader.GetString(ordinal);

    public long Long(int ordinal, long fallback = 0)
    {
        if (ordinal < 0) return fallback;
        var s = _reader.GetFieldSpan(ordinal);
        if (s.IsEmpty) return fallback;
        return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v : throw Error($"column '{_reader.GetName(ordinal)}': '{s}' is not an integer");
    }

    public float Float(int ordinal, float fallback)
    {
        if (ordinal < 0) return fallback;
        var s = _reader.GetFieldSpan(ordinal);
        if (s.IsEmpty) return fallback;
        return float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && float.IsFinite(v)
            ? v : throw Error($"column '{_reader.GetName(ordinal)}': '{s}' is not a finite number");
    }

    /// <summary>An exception located at the current line.</summary>
    public GraphDataException Error(string problem, Exception? inner = null) => new(File, Line, problem, inner);

    public void Dispose() => _reader.Dispose();
}
