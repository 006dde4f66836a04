namespace GraphAttn.Graph;

/// <summary>
/// Input data is malformed. Carries where (file and 1-based line, when known) and what is wrong, so an operator can
/// fix the source without reading code. Loaders throw it before anything is built, so nothing half-loaded escapes.
/// </summary>
public sealed class GraphDataException : Exception
{
    /// <summary>Data problem without a location (the loader adds one when it can).</summary>
    public GraphDataException(string problem) : base(problem) => Problem = problem;

    /// <summary>Data problem at a file and line.</summary>
    public GraphDataException(string file, long line, string problem, Exception? inner = null)
        : base($"{file}:{line}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>File (or source) the problem was found in, if known.</summary>
    public string? File { get; }
    /// <summary>1-based line number, if known.</summary>
    public long? Line { get; }
    /// <summary>The problem, without location.</summary>
    public string Problem { get; }
}
