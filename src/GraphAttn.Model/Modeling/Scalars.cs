using System.Collections.Concurrent;
using TorchSharp;
using static TorchSharp.torch;

namespace GraphAttn.Model.Modeling;

/// <summary>
/// TorchSharp scalars that live for the whole process. TorchSharp hands a <see cref="Scalar"/> to libtorch as a raw
/// pointer and frees it in a finalizer, so the temporary an implicit conversion creates (<c>x * 0.5</c>,
/// <c>x.pow(2)</c>, an <c>alpha</c> argument) can be finalised by a garbage collection on another thread while the
/// native call still reads it. Training crashed this way ("INTERNAL ASSERT FAILED at Scalar.h") once a step
/// allocated enough managed memory to collect often. Every scalar the model and its losses pass goes through here.
/// </summary>
internal static class Scalars
{
    private static readonly ConcurrentDictionary<double, Scalar> Cache = new();

    /// <summary>1.</summary>
    public static readonly Scalar One = Of(1.0);

    /// <summary>2.</summary>
    public static readonly Scalar Two = Of(2.0);

    /// <summary>The rooted scalar of <paramref name="value"/> (one per distinct value, never freed).</summary>
    public static Scalar Of(double value) => Cache.GetOrAdd(value, v => v.ToScalar());

    /// <summary>
    /// ELU with alpha 1, written as relu(x) + expm1(-relu(-x)) so that no scalar crosses into libtorch: TorchSharp's
    /// own <c>elu</c> converts its alpha and scales into temporaries at every call.
    /// </summary>
    public static Tensor Elu(Tensor x) => nn.functional.relu(x).Plus(nn.functional.relu(x.neg()).neg().expm1());

    /// <summary>
    /// a + b with the rooted scalar 1 as alpha. TorchSharp's <c>+</c> (and <c>add(b)</c>) passes a temporary
    /// <c>Scalar(1)</c>, exposed to the same finalisation race as any other temporary scalar; every tensor sum on the
    /// training path goes through here.
    /// </summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);
}
