using System.Diagnostics;
using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bench.Fec;

/// <summary>
/// The FEC figures measured in this thread's CPU time rather than wall-clock time, for shared machines where other
/// tenants take most of the cores (wall-clock medians there measure the scheduler). Each figure is the median of
/// 31 batches after a warm-up that lets tiered compilation finish.
/// Run: dotnet run -c Release --project bench/AccelSdk.Bench -- --fec-cputime
/// </summary>
internal static class FecCpuTimeRunner
{
    private static readonly (string Name, LdpcBlockParameters Block)[] s_blocks =
    [
        ("BG1 Zc384 R1/3 (K 8448, E 25344)", new() { BaseGraph = 1, Zc = 384, Qm = 2, E = 25344 }),
        ("BG2 Zc384 R1/5 (K 3840, E 19200)", new() { BaseGraph = 2, Zc = 384, Qm = 2, E = 19200 }),
        ("BG1 Zc384 R0.92 (E 9184)", new() { BaseGraph = 1, Zc = 384, Qm = 2, E = 9184 }),
        ("BG2 Zc384 R0.83 (E 4626)", new() { BaseGraph = 2, Zc = 384, Qm = 2, E = 4626 }),
        ("BG1 Zc52 R1/3 (K 1144, E 3432)", new() { BaseGraph = 1, Zc = 52, Qm = 2, E = 3432 }),
    ];

    public static void Run()
    {
        Console.WriteLine($"thread CPU time, medians of 31 batches; {Environment.ProcessorCount} CPUs, load average {LoadAverage()}");
        byte[] data = new byte[1 << 20];
        new Random(1).NextBytes(data);
        foreach (SimdWidth width in (SimdWidth[])[SimdWidth.Scalar, SimdWidth.V128, SimdWidth.V256])
        {
            double ns = Median(() => CrcCalculator.Compute(CrcType.Crc24A, data, data.Length * 8, width), width == SimdWidth.Scalar ? 2 : 40);
            Console.WriteLine($"CRC24A 1 MB {width,-6}: {ns / 1000,9:F1} us  {data.Length / ns,7:F2} GB/s");
        }

        foreach ((string name, LdpcBlockParameters block) in s_blocks)
        {
            byte[] input = new byte[(block.KPrime + 7) / 8];
            new Random(7).NextBytes(input);
            byte[] output = new byte[(block.E + 7) / 8];
            foreach (SimdWidth width in (SimdWidth[])[SimdWidth.Scalar, SimdWidth.V128, SimdWidth.V256])
            {
                double ns = Median(() => LdpcRateMatcher.EncodeAndMatch(block, input, output, null, width), width == SimdWidth.Scalar ? 3 : 400);
                Console.WriteLine($"encode+RM+QPSK {name,-34} {width,-6}: {ns / 1000,8:F2} us  {block.KPrime / ns,6:F2} Gbit/s");
            }
        }

        var bg1 = s_blocks[0].Block;
        sbyte[] llrs = new sbyte[bg1.E];
        new Random(3).NextBytes(MemoryMarshal.AsBytes(llrs.AsSpan()));
        sbyte[] combined = new sbyte[bg1.CompactLength];
        byte[] codeword = new byte[(bg1.N + 7) / 8];
        byte[] info = new byte[1056];
        foreach (SimdWidth width in (SimdWidth[])[SimdWidth.Scalar, SimdWidth.V256])
        {
            double encode = Median(() => LdpcEncoder.Encode(bg1, info, codeword, width), width == SimdWidth.Scalar ? 3 : 400);
            Console.WriteLine($"full BG1 Zc384 codeword {width,-6}: {encode / 1000,8:F2} us  {bg1.KPrime / encode,6:F2} Gbit/s");
            double recover = Median(() => LdpcRateRecovery.Recover(bg1, llrs, [], combined, width), width == SimdWidth.Scalar ? 3 : 400);
            Console.WriteLine($"rate recovery BG1 R1/3 QPSK {width,-6}: {recover / 1000,8:F2} us  {bg1.KPrime / recover,6:F2} Gbit/s");
        }
    }

    // Median over 31 batches of `batch` calls, in ns per call of this thread's CPU time.
    private static double Median(Action action, int batch)
    {
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < batch; j++)
            {
                action();
            }

            Thread.Sleep(150);
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
        return samples[samples.Length / 2];
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
