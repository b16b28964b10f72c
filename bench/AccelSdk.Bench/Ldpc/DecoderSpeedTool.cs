using System.Diagnostics;
using System.Globalization;
using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bench.Ldpc;

/// <summary>
/// Decoder throughput in this thread's CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID)), for shared machines where
/// other tenants hold most of the cores and wall-clock medians measure the scheduler: median of timed batches after
/// a warm-up long enough for tiered compilation, Mbit/s of K′ on one core. The best wall-clock batch is printed
/// beside it. <see cref="LdpcDecoderBenchmarks"/> measures the same cases with BenchmarkDotNet (wall clock).
/// <code>
/// dotnet run -c Release --project bench/AccelSdk.Bench -- decoder-speed [--widths scalar,128,256] [--iterations 1,4,8] [--seconds 1]
/// </code>
/// </summary>
internal static class DecoderSpeedTool
{
    public static int Run(string[] args)
    {
        string widths = "128,256";
        string iterations = "1,4,8";
        double seconds = 1;
        string cases = string.Empty;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--widths": widths = args[i + 1]; break;
                case "--iterations": iterations = args[i + 1]; break;
                case "--seconds": seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--cases": cases = args[i + 1]; break;
                default: throw new ArgumentException($"Unknown option {args[i]}: --widths --iterations --seconds --cases");
            }
        }

        Console.WriteLine($"thread CPU time, median of batches; {Environment.ProcessorCount} CPUs, load average {LoadAverage()}");
        Console.WriteLine($"{"case",-18} {"width",-7} {"iter",4} {"cpu µs",10} {"Mbit/s",8} {"wall best µs",13} {"Mbit/s",8}");
        foreach (DecoderBenchmarkCase c in LdpcDecoderBenchmarks.Cases().Where(c => cases.Length == 0 || c.Name.Contains(cases, StringComparison.OrdinalIgnoreCase)))
        {
            LdpcCode code = BaseGraph.Get(c.BaseGraph).Lift(c.Zc);
            var channel = new AwgnChannel(42, "qpsk", c.Rate, c.Rate < 0.5 ? 2.0 : 5.0);
            var natural = new double[c.E];
            channel.AllZeroCodeword(natural);
            sbyte[] llrs = natural.Select(x => (sbyte)Math.Clamp(Math.Round(8 * x), -127, 127)).ToArray();
            var output = new byte[(code.K + 7) / 8];
            foreach (string w in widths.Split(','))
            {
                LdpcDecoder decoder = LdpcDecoder.Create(SimdSupport.Parse(w));
                foreach (int its in iterations.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)))
                {
                    (double cpu, double best) = Measure(() => decoder.Decode(code, c.Fillers, llrs, output, its, false), seconds);
                    Console.WriteLine($"{c.Name,-18} {decoder.Width,-7} {its,4} {cpu * 1e6,10:F1} {c.KPrime / cpu / 1e6,8:F1} {best * 1e6,13:F1} {c.KPrime / best / 1e6,8:F1}");
                }
            }
        }

        return 0;
    }

    private static (double CpuMedian, double WallBest) Measure(Action action, double seconds)
    {
        // Warm up (tier-1 code), calibrate a batch of about 20 ms of CPU time, then time batches for the budget.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 0.3)
        {
            action();
        }

        long calibrate = ThreadCpuNanoseconds();
        int batch = 0;
        while (ThreadCpuNanoseconds() - calibrate < 20_000_000)
        {
            action();
            batch++;
        }

        var cpu = new List<double>();
        double best = double.MaxValue;
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds || cpu.Count < 7)
        {
            long startCpu = ThreadCpuNanoseconds();
            long startWall = Stopwatch.GetTimestamp();
            for (int i = 0; i < batch; i++)
            {
                action();
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(startWall).TotalSeconds / batch);
            cpu.Add((ThreadCpuNanoseconds() - startCpu) * 1e-9 / batch);
        }

        cpu.Sort();
        return (cpu[cpu.Count / 2], best);
    }

    private static long ThreadCpuNanoseconds()
    {
        const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID
        return ClockGetTime(ThreadCpuTimeClock, out Timespec time) == 0 ? (time.Seconds * 1_000_000_000) + time.Nanoseconds : Stopwatch.GetTimestamp();
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
