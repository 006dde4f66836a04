using System.Diagnostics;

namespace GraphAttn.Model.Benchmarks;

/// <summary>Repeats an action after warm-up runs and reports mean and standard deviation in milliseconds.</summary>
internal static class Measure
{
    /// <param name="reps">Timed runs.</param>
    /// <param name="action">What to time.</param>
    /// <param name="warmups">Untimed runs first. One is enough for JIT; a layer over 100k nodes needs about five
    /// before glibc's heap has grown to its working set and stops faulting in fresh pages (the first calls' times
    /// are in this project's README).</param>
    public static (double Mean, double Std) Milliseconds(int reps, Action action, int warmups = 1)
    {
        for (var w = 0; w < warmups; w++) action();
        var times = new double[reps];
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var r = 0; r < reps; r++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[r] = watch.Elapsed.TotalMilliseconds;
        }
        process.Refresh();
        LastCpuMilliseconds = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / reps;
        return MeanAndStd(times);
    }

    /// <summary>
    /// Several actions timed in alternating rounds (each warmed up first), so drift in the machine's speed during the
    /// run falls on all of them alike; mean and standard deviation per action, in milliseconds.
    /// </summary>
    public static (double Mean, double Std)[] Interleaved(int reps, int warmups, Action[] actions)
    {
        foreach (var action in actions)
            for (var w = 0; w < warmups; w++) action();
        var times = actions.Select(_ => new double[reps]).ToArray();
        for (var r = 0; r < reps; r++)
            for (var a = 0; a < actions.Length; a++)
            {
                var watch = Stopwatch.StartNew();
                actions[a]();
                times[a][r] = watch.Elapsed.TotalMilliseconds;
            }
        return times.Select(MeanAndStd).ToArray();
    }

    private static (double Mean, double Std) MeanAndStd(double[] times)
    {
        var mean = times.Average();
        return (mean, Math.Sqrt(times.Sum(t => (t - mean) * (t - mean)) / times.Length));
    }

    /// <summary>Process CPU time (all threads) per repetition of the last <see cref="Milliseconds"/> call: a load-robust companion to wall time.</summary>
    public static double LastCpuMilliseconds { get; private set; }

    /// <summary>
    /// Copy bandwidth of this machine: bytes read plus bytes written per second over 2 x 256 MiB buffers, the fastest
    /// of ten copies (what the machine can stream, not what a noisy moment allowed), on one thread or on all.
    /// </summary>
    public static unsafe double CopyBandwidthBytesPerSecond(bool parallel)
    {
        const long size = 256L << 20;
        var from = GC.AllocateUninitializedArray<byte>((int)size);
        var to = GC.AllocateUninitializedArray<byte>((int)size);
        Array.Fill(from, (byte)1);
        Array.Fill(to, (byte)2);
        var parts = parallel ? Environment.ProcessorCount : 1;
        var fastest = double.PositiveInfinity;
        for (var rep = 0; rep < 11; rep++)
        {
            var watch = Stopwatch.StartNew();
            Parallel.For(0, parts, p =>
            {
                var chunk = size / parts;
                fixed (byte* src = from, dst = to)
                    Buffer.MemoryCopy(src + p * chunk, dst + p * chunk, chunk, chunk);
            });
            if (rep > 0) fastest = Math.Min(fastest, watch.Elapsed.TotalSeconds); // the first copy faults pages in
        }
        return 2.0 * size / fastest;
    }
}
