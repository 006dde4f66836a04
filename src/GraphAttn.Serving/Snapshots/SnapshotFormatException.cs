namespace GraphAttn.Serving.Snapshots;

/// <summary>
/// A snapshot file is truncated, corrupted, of an unknown version or internally inconsistent. The message names the
/// file and what is wrong with it.
/// </summary>
public sealed class SnapshotFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/> (a path or stream description).</summary>
    public SnapshotFormatException(string source, string problem)
        : base($"Invalid embedding snapshot '{source}': {problem}")
    {
        Source = source;
        Problem = problem;
    }

    /// <summary>Path (or description) of the rejected snapshot.</summary>
    public new string Source { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Problem { get; }
}
