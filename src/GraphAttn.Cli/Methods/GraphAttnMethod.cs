using System.Runtime.CompilerServices;
using GraphAttn.Evaluation.Methods;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Scoring;
using GraphAttn.Model.Training;

namespace GraphAttn.Cli.Methods;

/// <summary>
/// Registers the trained model as method "graphattn" (content and friends) in the evaluation catalogue, so
/// <c>graphattn eval</c> compares it with the baselines on exactly their split. The method context carries no
/// validation set, so training runs a fixed number of epochs; one training serves both tasks of a context.
/// </summary>
public static class GraphAttnMethod
{
    /// <summary>Method name in reports.</summary>
    public const string Name = "graphattn";

    private static readonly ConditionalWeakTable<MethodContext, ModelScorer> Trained = new();

    /// <summary>Adds "graphattn" to <paramref name="catalog"/> (default options: <see cref="DefaultEpochs"/> epochs).</summary>
    public static void Register(MethodCatalog catalog, ModelOptions? model = null, TrainOptions? training = null)
    {
        var options = training ?? new TrainOptions { Epochs = DefaultEpochs };
        catalog.AddContent(Name, context => Fit(context, model ?? new ModelOptions(), options));
        catalog.AddFriend(Name, context => Fit(context, model ?? new ModelOptions(), options));
    }

    /// <summary>Epochs without early stopping; the demo graph's validation peaked around epoch 9 with defaults.</summary>
    public const int DefaultEpochs = 9;

    private static ModelScorer Fit(MethodContext context, ModelOptions model, TrainOptions training) =>
        Trained.GetValue(context, c =>
        {
            var result = new Trainer(model, training with { Seed = c.Seed }).Train(c.Train, validation: null);
            result.Inputs.Dispose();
            result.Model.Dispose();
            return result.Scorer(Name);
        });
}
