using TorchSharp;
using static TorchSharp.torch;

namespace GraphAttn.Model.Attention;

/// <summary>Raw float32 pointers into CPU tensors for the fused kernels.</summary>
internal static unsafe class TensorPointers
{
    /// <summary>Address of the first element; the tensor must be a contiguous float32 CPU tensor and stay alive.</summary>
    public static float* Of(Tensor tensor)
    {
        if (tensor.dtype != ScalarType.Float32 || !tensor.is_contiguous() || tensor.device_type != DeviceType.CPU)
            throw new ArgumentException($"expected a contiguous float32 CPU tensor, got {tensor.dtype} {tensor.device_type}");
        if (tensor.numel() == 0) return null;
        fixed (byte* p = tensor.bytes) return (float*)p;
    }
}
