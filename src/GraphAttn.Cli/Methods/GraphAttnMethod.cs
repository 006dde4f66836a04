using System.Runtime.CompilerServices;
using GraphAttn.Evaluation.Methods;
using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Scoring;
using GraphAttn.Model.Training;

namespace GraphAttn.Cli.Methods;

/// <summary>
/// Registers the model as method "graphattn" for both tasks in the evaluation catalogue, so <c>graphattn eval</c>
/// compares it with the baselines on exactly their split. Trained as <c>graphattn train</c> trains: a validation part is
/// carved from the method's training data (10% of each user's items, RecBole's rounding) and training stops early on
/// it. One training serves both tasks of a context.
/// </summary>
public static class GraphAttnMethod
{
    /// <summary>Method name in reports.</summary>
    public const string Name = "graphattn";

    /// <summary>Share of each user's training items held out for early stopping.</summary>
    public const double ValidationShare = 0.1;

    private static readonly ConditionalWeakTable<MethodContext, ModelScorer> Trained = new();

    /// <summary>Adds "graphattn" to <paramref name="catalog"/> for content and friends (default model and training options).</summary>
    public static void Register(MethodCatalog catalog, ModelOptions? model = null, TrainOptions? training = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var options = training ?? new TrainOptions();
        catalog.AddContent(Name, context => Fit(context, model ?? new ModelOptions(), options));
        catalog.AddFriend(Name, context => Fit(context, model ?? new ModelOptions(), options));
    }

    private static ModelScorer Fit(MethodContext context, ModelOptions model, TrainOptions training) =>
        Trained.GetValue(context, c =>
        {
            var (train, validation) = CarveValidation(c.Train, c.Seed);
            var result = new Trainer(model, training with { Seed = c.Seed }).Train(train, validation);
            result.Inputs.Dispose();
            result.Model.Dispose();
            return result.Scorer(Name);
        });

    /// <summary>The training graph without a validation part of each user's items, and that part.</summary>
    internal static (SocialGraph Train, SparseBinaryMatrix Validation) CarveValidation(SocialGraph train, int seed)
    {
        var (valid, _) = RandomRatioSplitter.Split(GraphViews.DistinctEvents(train), train.UserCount, train.ContentCount,
            [1 - ValidationShare, ValidationShare, 0], seed);
        var none = SparseBinaryMatrix.FromPairs(train.UserCount, train.UserCount, []);
        var empty = SparseBinaryMatrix.FromPairs(train.UserCount, train.ContentCount, []);
        var carve = new DatasetSplit($"validation {ValidationShare:P0} of training items, seed {seed}", train.Fingerprint, valid, empty, none);
        return (TrainGraph.Build(train, carve), valid);
    }
}
