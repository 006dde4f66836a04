using GraphAttn.Graph;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Graph.Splits;

namespace GraphAttn.Tests.Shared;

/// <summary>
/// What the end-to-end eval tests start from: the clustered graph written as a graph-seeds folder, its default split
/// saved to a file (so offline and live runs share it), and the training graph a server would hold.
/// </summary>
internal sealed record SplitSetup(string Seeds, SocialGraph Graph, DatasetSplit Split, string SplitFile, SocialGraph Train)
{
    public static SplitSetup Create(TempFolder folder)
    {
        var seeds = Path.Combine(folder.Path, "seeds");
        var graph = ClusteredGraph.Build();
        GraphSeedsWriter.Write(graph, seeds);
        var split = DatasetSplitter.Split(graph);
        var splitFile = Path.Combine(folder.Path, "split.tsv");
        GraphAttn.Graph.Splits.SplitFile.Save(splitFile, split, graph);
        return new SplitSetup(seeds, graph, split, splitFile, TrainGraph.Build(graph, split));
    }
}
