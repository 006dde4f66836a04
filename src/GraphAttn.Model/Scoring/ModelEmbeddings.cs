using GraphAttn.Model.Modeling;

namespace GraphAttn.Model.Scoring;

/// <summary>
/// Trained embeddings copied out of TorchSharp into managed arrays (row-major, width <see cref="Dimension"/>), so
/// scoring needs no native tensors and is safe from many threads.
/// </summary>
public sealed class ModelEmbeddings
{
    /// <summary>Wraps prepared arrays.</summary>
    public ModelEmbeddings(int dimension, float[] users, float[] contents, float[] friends)
    {
        if (dimension <= 0 || users.Length % dimension != 0 || contents.Length % dimension != 0 || friends.Length != users.Length)
            throw new ArgumentException($"embedding arrays do not fit dimension {dimension}");
        (Dimension, Users, Contents, Friends) = (dimension, users, contents, friends);
    }

    /// <summary>D.</summary>
    public int Dimension { get; }

    /// <summary>[U * D] user vectors (content scores).</summary>
    public float[] Users { get; }

    /// <summary>[Cn * D] content vectors.</summary>
    public float[] Contents { get; }

    /// <summary>[U * D] friend vectors (friend scores).</summary>
    public float[] Friends { get; }

    /// <summary>Number of users.</summary>
    public int UserCount => Users.Length / Dimension;

    /// <summary>Number of contents.</summary>
    public int ContentCount => Contents.Length / Dimension;

    /// <summary>Copies the tensors of one forward pass.</summary>
    public static ModelEmbeddings From(ModelOutput output) => new(
        (int)output.Users.shape[1], Copy(output.Users), Copy(output.Contents), Copy(output.Friends));

    // TorchSharp's data accessor throws on a tensor without elements (a graph without content has a [0, D] table).
    private static float[] Copy(TorchSharp.torch.Tensor vectors) =>
        vectors.NumberOfElements == 0 ? [] : vectors.detach().contiguous().data<float>().ToArray();
}
