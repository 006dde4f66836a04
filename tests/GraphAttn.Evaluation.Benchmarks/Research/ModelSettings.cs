using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;

namespace GraphAttn.Evaluation.Benchmarks.Research;

/// <summary>Model and training options from a <see cref="MethodSpec"/>: the library defaults, overridden key by key.</summary>
internal static class ModelSettings
{
    public static (ModelOptions Model, TrainOptions Training) From(MethodSpec s, int seed)
    {
        var (m, t) = (new ModelOptions(), new TrainOptions());
        var model = m with
        {
            Dimension = s.Int("dim", m.Dimension),
            HistoryLength = s.Int("history", m.HistoryLength),
            PropagationLayers = s.Int("prop", m.PropagationLayers),
            AttentionDropout = (float)s.Double("adrop", m.AttentionDropout),
            HistoryDropout = s.Double("hdrop", m.HistoryDropout),
            HistoryLayers = s.Int("hlayers", m.HistoryLayers),
            FriendPropagationLayers = s.Int("fprop", m.FriendPropagationLayers),
        };
        var training = t with
        {
            Seed = seed,
            Epochs = s.Int("epochs", t.Epochs),
            LearningRate = s.Double("lr", t.LearningRate),
            L2 = s.Double("l2", t.L2),
            NegativeCandidates = s.Int("neg", t.NegativeCandidates),
            BatchSize = s.Int("batch", t.BatchSize),
            Patience = s.Int("patience", t.Patience),
            WeightAverage = s.Double("wavg", t.WeightAverage),
            LearningRateDecays = s.Int("decays", t.LearningRateDecays),
            FriendWeight = s.Double("fw", t.FriendWeight),
            Mode = s.Bool("mini", t.Mode == TrainMode.MiniBatch) ? TrainMode.MiniBatch : TrainMode.Full,
            ContentFilter = s.Bool("cf", t.ContentFilter),
            WholeHistoryDropout = s.Double("drophist", t.WholeHistoryDropout),
            StepFriendNegatives = s.Bool("stepneg", t.StepFriendNegatives),
            FriendL2 = s.Settings.ContainsKey("fl2") ? s.Double("fl2", 0) : t.FriendL2,
        };
        return (model, training);
    }
}
