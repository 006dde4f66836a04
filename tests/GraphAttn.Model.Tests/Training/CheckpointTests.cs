using GraphAttn.Graph.Splits;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Tests.Training;

public sealed class CheckpointTests
{
    [Fact]
    public void SaveThenLoad_TrainedModel_GivesSameEmbeddingsAndMetadata()
    {
        var full = CommunityGraph.Build();
        var split = DatasetSplitter.Split(full, SplitKind.Random, seed: 3);
        var train = TrainGraph.Build(full, split);
        var modelOptions = new ModelOptions { Dimension = 8, Heads = 2, HistoryLength = 4 };
        var trainOptions = new TrainOptions { Epochs = 2, BatchSize = 128 };
        var result = new Trainer(modelOptions, trainOptions).Train(train, split.ContentValid);
        var folder = Path.Combine(Path.GetTempPath(), $"graphattn-ckpt-{Guid.NewGuid():N}");
        try
        {
            Checkpoint.Save(folder, result.Model, new CheckpointMetadata
            {
                GraphFingerprint = full.Fingerprint,
                TrainFingerprint = train.Fingerprint,
                Users = train.UserCount,
                Contents = train.ContentCount,
                Topics = train.TopicCount,
                Model = modelOptions,
                Training = trainOptions,
                BestEpoch = result.BestEpoch,
                Validation = result.Validation,
            });
            var (model, metadata) = Checkpoint.Load(folder);
            Assert.Equal(full.Fingerprint, metadata.GraphFingerprint);
            Assert.Equal(modelOptions, metadata.Model);
            Assert.Equal(result.Validation["NDCG@20"], metadata.Validation["NDCG@20"], 12);
            Assert.Equal(result.Embeddings.Users, Trainer.Embed(model, result.Inputs).Users);
            model.Dispose();
        }
        finally
        {
            result.Inputs.Dispose();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ReadMetadata_BrokenJson_ThrowsInvalidDataWithPath()
    {
        var folder = Directory.CreateTempSubdirectory("graphattn-bad-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, Checkpoint.MetadataFile), "{ \"Version\": ");
            var error = Assert.Throws<InvalidDataException>(() => Checkpoint.ReadMetadata(folder));
            Assert.Contains(Checkpoint.MetadataFile, error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
