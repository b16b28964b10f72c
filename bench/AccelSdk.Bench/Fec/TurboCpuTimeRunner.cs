using System.Diagnostics;
using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Turbo;

namespace AccelSdk.Bench.Fec;

/// <summary>
/// Turbo encoder and decoder throughput on one core in this thread's CPU time (medians of 31 batches after a warm-up),
/// for shared machines where wall-clock time measures the scheduler.
/// Run: dotnet run -c Release --project bench/AccelSdk.Bench -- --turbo-cputime [scalar|128|256|512 ...]
/// </summary>
internal static class TurboCpuTimeRunner
{
    public static void Run(string[] widths)
    {
        SimdWidth[] selected = widths.Length == 0
            ? [SimdWidth.V128, SimdWidth.V256]
            : [.. widths.Select(SimdSupport.Parse)];
        Console.WriteLine($"thread CPU time, medians of 31 batches; {Environment.ProcessorCount} CPUs, load average {LoadAverage()}; best width here {SimdSupport.Best}");
        const int K = 6144;
        var random = new Random(5);
        byte[] info = new byte[K / 8];
        random.NextBytes(info);
        var rm = new TurboBlockParameters { K = K, E = 18444, RateMatch = true };
        var plain = new TurboBlockParameters { K = K };
        byte[] output = new byte[(3 * (K + 4) / 8) + 8];

        // A rate-1/3 block through BPSK + AWGN at Eb/N0 = 1 dB, recovered into the circular buffer.
        var engineSetup = TurboCodeBlockEngine.Create(SimdWidth.Scalar);
        engineSetup.Encode(rm, info, null, output);
        sbyte[] llrs = new sbyte[rm.E];
        double sigma = Math.Sqrt(1.0 / (2 * (1.0 / 3) * Math.Pow(10, 0.1)));
        for (int i = 0; i < rm.E; i++)
        {
            int bit = (output[i >> 3] >> (7 - (i & 7))) & 1;
            double y = (bit == 0 ? 1.0 : -1.0) + (sigma * Gaussian(random));
            llrs[i] = (sbyte)Math.Clamp(Math.Round(y * 2 / (sigma * sigma) * 4), -127, 127);
        }

        sbyte[] circular = new sbyte[TurboDecoder.InputLength(K)];
        TurboRateRecovery.Recover(rm, llrs, circular);
        byte[] hard = new byte[K / 8];

        foreach (SimdWidth width in selected)
        {
            TurboCodeBlockEngine engine = TurboCodeBlockEngine.Create(width);
            int batch = width == SimdWidth.Scalar ? 2 : SimdSupport.IsAccelerated(width) ? 40 : 2;
            foreach (int iterations in (int[])[4, 8, 4, 8])
            {
                var settings = new TurboDecodeSettings { IterMax = iterations, InputFormat = TurboInputFormat.CircularBuffer };
                (double ns, double best) = Measure(() => engine.Decode(K, circular, settings, false, hard, default), batch);
                Console.WriteLine($"decode K {K} {iterations} it {width,-6}: median {ns / 1000,7:F1} us {K / ns * 1000,6:F1} Mbit/s, best {best / 1000,7:F1} us {K / best * 1000,6:F1} Mbit/s");
            }

            (double enc, double encBest) = Measure(() => engine.Encode(rm, info, null, output), batch * 10);
            Console.WriteLine($"encode+RM K {K} E {rm.E} {width,-6}: median {enc / 1000,7:F1} us {K / enc * 1000,6:F1} Mbit/s, best {encBest / 1000,7:F1} us {K / encBest * 1000,6:F1} Mbit/s");
            (double enc2, double enc2Best) = Measure(() => engine.Encode(plain, info, null, output), batch * 10);
            Console.WriteLine($"encode K {K} (d0|d1|d2) {width,-6}: median {enc2 / 1000,7:F1} us {K / enc2 * 1000,6:F1} Mbit/s, best {enc2Best / 1000,7:F1} us {K / enc2Best * 1000,6:F1} Mbit/s");
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    // Median and minimum over 31 batches of `batch` calls, in ns per call of this thread's CPU time (the minimum is the
    // batch least disturbed by other tenants' cache traffic).
    private static (double Median, double Best) Measure(Action action, int batch)
    {
        // Long enough for tiered compilation (call counting, instrumentation, the optimised tier) to finish even on a
        // loaded machine, whose background JIT thread may wait for a core.
        for (int i = 0; i < 10; i++)
        {
            for (int j = 0; j < batch; j++)
            {
                action();
            }

            Thread.Sleep(200);
        }

        double[] samples = new double[31];
        for (int s = 0; s < samples.Length; s++)
        {
            double start = ThreadCpuSeconds();
            for (int j = 0; j < batch; j++)
            {
                action();
            }

            samples[s] = (ThreadCpuSeconds() - start) * 1e9 / batch;
        }

        Array.Sort(samples);
        return (samples[samples.Length / 2], samples[0]);
    }

    private static double ThreadCpuSeconds()
    {
        if (OperatingSystem.IsLinux() && clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, out Timespec time) == 0)
        {
            return time.Seconds + (time.Nanoseconds * 1e-9);
        }

        return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
