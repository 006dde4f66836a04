using System.CommandLine;
using GraphAttn.Cli.Commands;

namespace GraphAttn.Evaluation.Benchmarks.Research;

/// <summary>
/// <c>eval DATASET [eval options]</c>: the CLI's eval command over <see cref="ResearchCatalog"/>, so the model
/// (<c>graphattn</c>, <c>graphattn-friends</c>) and method variants with settings
/// (<c>lightgcn:lr=0.01+batch=8192</c>, <c>graphattn:prop=3</c>) run beside the baselines on one split.
/// </summary>
internal static class ResearchEval
{
    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, "--methods");
        var names = at >= 0 && at + 1 < args.Length
            ? args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        var root = new RootCommand { EvalCommand.Create(ResearchCatalog.Create(names.Where(n => n is not ("all" or "content" or "friends")))) };
        return root.Parse(["eval", .. args]).Invoke();
    }
}
