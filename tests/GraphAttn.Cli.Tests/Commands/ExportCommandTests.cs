using System.CommandLine;
using GraphAttn.Cli.Commands;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Graph.Loading.RecBole;

namespace GraphAttn.Cli.Tests.Commands;

public sealed class ExportCommandTests
{
    [Fact]
    public async Task Export_SeedsToRecBoleAndBack_SameCounts()
    {
        using var folder = new TempFolder();
        var graph = ClusteredGraph.Build();
        var seeds = Path.Combine(folder.Path, "seeds");
        GraphSeedsWriter.Write(graph, seeds);
        var recbole = Path.Combine(folder.Path, "recbole");
        var (code, _, stderr) = await Run([seeds, "--to", "recbole", "--out", recbole, "--name", "clustered"]);
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(recbole, "clustered.inter")));
        var back = new RecBoleAtomicSource(recbole).Load();
        Assert.Equal(graph.ToString(), back.ToString());

        var seedsAgain = Path.Combine(folder.Path, "seeds2");
        (code, _, stderr) = await Run([recbole, "--to", "seeds", "--out", seedsAgain]);
        Assert.True(code == 0, stderr);
        Assert.Equal(back.Fingerprint, new CsvGraphSource(seedsAgain).Load().Fingerprint);
    }

    [Fact]
    public async Task Export_MissingFolder_ExitsOne()
    {
        var (code, _, stderr) = await Run(["/nonexistent/graph", "--to", "seeds", "--out", "/tmp/never"]);
        Assert.Equal(1, code);
        Assert.Contains("does not exist", stderr);
    }

    private static async Task<(int Code, string Out, string Err)> Run(string[] args)
    {
        var root = new RootCommand("test host");
        root.Subcommands.Add(ExportCommand.Create());
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        var code = await root.Parse(["export", .. args]).InvokeAsync(config).WaitAsync(TimeSpan.FromSeconds(60));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
