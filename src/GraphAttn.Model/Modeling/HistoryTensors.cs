using static TorchSharp.torch;

namespace GraphAttn.Model.Modeling;

/// <summary>
/// <see cref="HistoryBatch"/> as tensors: Items, Kinds, Ages, Positions [U, L] int64 and Padding [U, L] bool.
/// Owns them; dispose when the graph changes.
/// </summary>
public sealed class HistoryTensors : IDisposable
{
    /// <summary>Uploads <paramref name="batch"/>.</summary>
    public HistoryTensors(HistoryBatch batch)
    {
        Items = tensor(batch.Items).view(batch.Users, batch.Length).DetachFromDisposeScope();
        Kinds = tensor(batch.Kinds).view(batch.Users, batch.Length).DetachFromDisposeScope();
        Ages = tensor(batch.Ages).view(batch.Users, batch.Length).DetachFromDisposeScope();
        Positions = arange(batch.Length).expand(batch.Users, batch.Length).contiguous().DetachFromDisposeScope();
        Padding = tensor(batch.Padding).view(batch.Users, batch.Length).DetachFromDisposeScope();
    }

    /// <summary>
    /// Wraps prepared [T, L] tensors (items, kinds, ages int64; padding bool) for the per-target forward, which builds
    /// history rows for a chosen set of users with block-local content indices. Unlike the public constructor the
    /// tensors stay in the caller's dispose scope (one scope per batch frees them).
    /// </summary>
    internal HistoryTensors(Tensor items, Tensor kinds, Tensor ages, Tensor padding)
    {
        Items = items;
        Kinds = kinds;
        Ages = ages;
        Positions = arange(items.shape[1]).expand(items.shape[0], items.shape[1]).contiguous();
        Padding = padding;
    }

    /// <summary>[U, L] content indices.</summary>
    public Tensor Items { get; }

    /// <summary>[U, L] kinds.</summary>
    public Tensor Kinds { get; }

    /// <summary>[U, L] age buckets.</summary>
    public Tensor Ages { get; }

    /// <summary>[U, L] positions, 0 = most recent.</summary>
    public Tensor Positions { get; }

    /// <summary>[U, L] true where padded.</summary>
    public Tensor Padding { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in new[] { Items, Kinds, Ages, Positions, Padding }) t.Dispose();
    }
}
