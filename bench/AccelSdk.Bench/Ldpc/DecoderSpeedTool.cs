using System.Diagnostics;
using System.Globalization;
using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bench.Ldpc;

/// <summary>
/// A quick throughput check of the decoder without BenchmarkDotNet's ceremony (the figures to quote come from
/// <see cref="LdpcDecoderBenchmarks"/>): median over repeated timed batches, Mbit/s of K′ on one core.
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

        Console.WriteLine($"{"case",-18} {"width",-7} {"iter",4} {"µs median",10} {"Mbit/s",8} {"µs best",10} {"Mbit/s",8} {"µs cpu",10} {"Mbit/s",8}");
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
                    (double median, double best, double cpu) = Measure(() => decoder.Decode(code, c.Fillers, llrs, output, its, false), seconds);
                    Console.WriteLine($"{c.Name,-18} {decoder.Width,-7} {its,4} {median * 1e6,10:F1} {c.KPrime / median / 1e6,8:F1} {best * 1e6,10:F1} {c.KPrime / best / 1e6,8:F1} {cpu * 1e6,10:F1} {c.KPrime / cpu / 1e6,8:F1}");
                }
            }
        }

        return 0;
    }

    private static (double Median, double Best, double Cpu) Measure(Action action, double seconds)
    {
        // Calibrate a batch of about 20 ms, then time batches for the budget: median and best wall time per call, and
        // process CPU time per call (steadier than wall time on a shared, loaded machine).
        action();
        var clock = Stopwatch.StartNew();
        int batch = 0;
        while (clock.Elapsed.TotalMilliseconds < 20)
        {
            action();
            batch++;
        }

        var samples = new List<double>();
        var total = Stopwatch.StartNew();
        TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        long calls = 0;
        while (total.Elapsed.TotalSeconds < seconds || samples.Count < 5)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < batch; i++)
            {
                action();
            }

            samples.Add(Stopwatch.GetElapsedTime(start).TotalSeconds / batch);
            calls += batch;
        }

        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds / calls;
        samples.Sort();
        return (samples[samples.Count / 2], samples[0], cpu);
    }
}
