namespace GraphAttn.Evaluation.Tests.Support;

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("graphattn-eval-").FullName;

    public string File(string name, params string[] lines)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    public void Dispose() => Directory.Delete(Path, true);
}
