using GraphAttn.Cli.Output;
using GraphAttn.Evaluation.Methods;
using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;
using GraphAttn.Model.Training;

namespace GraphAttn.Cli.Eval;

/// <summary>`train --baselines`: the evaluation catalogue's baselines measured on the model's own split, for comparison.</summary>
internal static class BaselineComparison
{
    public static void Print(SocialGraph full, DatasetSplit split, SocialGraph train, int seed, TextWriter output)
    {
        var catalog = MethodCatalog.Default();
        var context = new MethodContext(train, GraphViews.Interacted(train), Neighbourhood.Undirected(train), seed);
        var seen = GraphViews.Interacted(TrainGraph.Build(full, split, keepValidation: true));
        var friends = Validator.ForFriends(GraphViews.Following(train), split.FriendTest);
        var content = Validator.ForContent(seen, split.ContentTest);
        foreach (var name in catalog.ContentNames)
            output.WriteLine($"baseline content {name}: {MetricText.Format(content.Evaluate(catalog.Content(name, context)))}");
        foreach (var name in catalog.FriendNames)
            output.WriteLine($"baseline friends {name}: {MetricText.Format(friends.Evaluate(catalog.Friend(name, context)))}");
    }
}
