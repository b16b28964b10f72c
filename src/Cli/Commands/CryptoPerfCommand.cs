using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AccelSdk.Core.Buffers;
using AccelSdk.Core.Devices;
using AccelSdk.Core.Pools;
using AccelSdk.Crypto;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AccelSdk.Cli.Commands;

/// <summary>
/// <c>accel crypto-perf</c>: throughput of a crypto device per algorithm and buffer size (test-crypto-perf's
/// throughput mode: keep the queue pair fed with bursts over a pool of pre-built ops; MOps and Gbit/s of payload),
/// next to a direct in-thread call of the same kernel and, for AES-GCM/CBC and HMAC, of the BCL primitive, all in the
/// same run. The op/queue overhead per op is the device's time per op minus the direct call's.
/// </summary>
internal static class CryptoPerfCommand
{
    public static Command Create(TextWriter output)
    {
        var device = new Option<string>("--device", "-d")
        {
            Description = "Device to measure: an existing device name, or devargs to create one (crypto_sw0, crypto_sw0,workers=1).",
            DefaultValueFactory = _ => "crypto_sw0",
        };
        var vdev = new Option<string[]>("--vdev") { Description = "Create a virtual device first (repeatable).", AllowMultipleArgumentsPerToken = false };
        var algorithms = new Option<string>("--algo")
        {
            Description = $"Comma-separated algorithm rows, or 'all': {string.Join(", ", CryptoPerfCatalog.All.Select(c => c.Name))}. A row is selected when its name contains an entry.",
            DefaultValueFactory = _ => "all",
        };
        var sizes = new Option<string>("--buffer-sz") { Description = "Comma-separated payload sizes in bytes.", DefaultValueFactory = _ => "64,256,1500,4096" };
        var burst = new Option<int>("--burst-sz") { Description = "Ops per enqueue/dequeue call, 1..512.", DefaultValueFactory = _ => 32 };
        var pool = new Option<int>("--pool-sz") { Description = "Ops (and buffers) in flight per run, at least the burst size.", DefaultValueFactory = _ => 256 };
        var duration = new Option<int>("--duration-ms") { Description = "Measuring time per point and repetition, in milliseconds (1..60000).", DefaultValueFactory = _ => 100 };
        var repeat = new Option<int>("--repeat") { Description = "Repetitions per point; the median is reported (1..15).", DefaultValueFactory = _ => 3 };
        var noBcl = new Option<bool>("--no-bcl") { Description = "Skip the BCL baselines." };
        var csv = new Option<bool>("--csv-friendly") { Description = "Print CSV instead of a table (like test-crypto-perf --csv-friendly)." };
        var cpuTime = new Option<bool>("--cpu-time")
        {
            Description = "Divide the process's CPU time instead of wall-clock time by the ops (steadier on a shared, loaded machine; synchronous devices only).",
        };
        var command = new Command("crypto-perf", "Measure crypto throughput (Gbit/s, Mops) and op/queue overhead per algorithm and buffer size, beside direct kernel and BCL calls.")
        {
            device, vdev, algorithms, sizes, burst, pool, duration, repeat, noBcl, csv, cpuTime,
        };
        command.SetAction(parse =>
        {
            var settings = new Settings(
                parse.GetValue(burst),
                parse.GetValue(pool),
                parse.GetValue(duration),
                parse.GetValue(repeat),
                !parse.GetValue(noBcl),
                parse.GetValue(cpuTime));
            settings.Validate();
            int[] sizeList = ParseSizes(parse.GetValue(sizes)!);
            CryptoPerfCase[] cases = SelectCases(parse.GetValue(algorithms)!);
            using ServiceProvider provider = SdkHost.Build(o =>
            {
                foreach (string devargs in parse.GetValue(vdev) ?? [])
                {
                    o.VirtualDevices.Add(devargs);
                }
            });
            CryptoDevice crypto = CryptoDeviceSetup.Open(provider.Registry(), parse.GetValue(device)!, 1, Math.Max(settings.PoolSize, settings.Burst));
            List<Row> rows = Measure(crypto, cases, sizeList, settings);
            Write(output, crypto, settings, rows, parse.GetValue(csv));
            return AccelApp.ExitOk;
        });
        return command;
    }

    internal static List<Row> Measure(CryptoDevice device, IReadOnlyList<CryptoPerfCase> cases, int[] sizes, Settings settings)
    {
        var rows = new List<Row>();

        // Let tiered compilation reach its optimised code for the shared paths before the first point is measured.
        if (cases.Count > 0)
        {
            MeasureDevice(device, cases[0], sizes[0], settings);
        }

        foreach (CryptoPerfCase c in cases)
        {
            foreach (int requested in sizes)
            {
                int size = c.Size(requested);
                double deviceNs = Median(settings.Repeat, () => MeasureDevice(device, c, size, settings));
                double kernelNs = c.Kernel is null ? double.NaN : Median(settings.Repeat, () => MeasureDirect(c.Kernel(size), size, settings));
                double bclNs = double.NaN;
                if (settings.Bcl && c.Bcl is not null)
                {
                    (Action<byte[]> run, IDisposable? state) = c.Bcl(size);
                    using (state)
                    {
                        bclNs = Median(settings.Repeat, () => MeasureDirect(run, size, settings));
                    }
                }

                rows.Add(new Row(c.Name, size, deviceNs, kernelNs, bclNs));
            }
        }

        return rows;
    }

    private static double MeasureDevice(CryptoDevice device, CryptoPerfCase c, int size, Settings settings)
    {
        using BufferPool buffers = BufferPool.Create(new BufferPoolOptions { RoomSize = size + 64, Count = settings.PoolSize, CacheSize = 0 });
        using OpPool<CryptoOp> opPool = CryptoOp.CreatePool(new OpPoolOptions { Count = settings.PoolSize, CacheSize = 0 });
        using CryptoSession session = device.CreateSession(c.Transform());
        var free = new CryptoOp[settings.PoolSize];
        if (!opPool.TryGetBulk(free))
        {
            throw new InvalidOperationException("Op pool exhausted.");
        }

        foreach (CryptoOp op in free)
        {
            op.Reset();
            op.Session = session;
            DataBuffer buffer = buffers.Rent()!;
            buffer.Append(size + 64).Fill(0x5A);
            op.Source = buffer;
            c.Setup(op, size);
        }

        int freeCount = free.Length;
        var done = new CryptoOp[settings.Burst];
        long completed = 0;
        long target = long.MaxValue;
        var clock = Stopwatch.StartNew();
        long warmUpEnd = Stopwatch.Frequency * settings.DurationMs / 4000;
        long start = 0, startCompleted = 0;
        TimeSpan cpuStart = default;
        bool measuring = false;
        long measureTicks = Stopwatch.Frequency * settings.DurationMs / 1000;
        while (completed < target)
        {
            int accepted = 0;
            if (freeCount > 0)
            {
                int n = Math.Min(settings.Burst, freeCount);
                accepted = device.EnqueueBurst(0, free.AsSpan(freeCount - n, n));
                freeCount -= accepted;
            }

            int got = device.DequeueBurst(0, done);
            for (int i = 0; i < got; i++)
            {
                free[freeCount++] = done[i];
            }

            if (accepted == 0 && got == 0)
            {
                // Asynchronous device, nothing ready: give the worker the core (this box has fewer cores than pollers).
                Thread.Yield();
            }

            completed += got;
            long now = clock.ElapsedTicks;
            if (!measuring && now >= warmUpEnd)
            {
                measuring = true;
                start = now;
                startCompleted = completed;
                cpuStart = settings.CpuTime ? CpuTime() : default;
            }
            else if (measuring && now - start >= measureTicks)
            {
                target = completed;
            }
        }

        double elapsedNs = settings.CpuTime ? (CpuTime() - cpuStart).TotalNanoseconds : (clock.ElapsedTicks - start) * 1e9 / Stopwatch.Frequency;

        // Drain what is still in flight before the pools go away.
        while (freeCount < free.Length)
        {
            freeCount += device.DequeueBurst(0, free.AsSpan(freeCount));
        }

        long ops = completed - startCompleted;
        return elapsedNs / Math.Max(1, ops);
    }

    private static double MeasureDirect(Action<byte[]> run, int size, Settings settings)
    {
        int durationMs = settings.DurationMs;
        byte[] buffer = new byte[size + 64];
        Array.Fill(buffer, (byte)0x5A);
        var clock = Stopwatch.StartNew();
        long warmUpEnd = Stopwatch.Frequency * durationMs / 4000;
        while (clock.ElapsedTicks < warmUpEnd)
        {
            run(buffer);
        }

        long start = clock.ElapsedTicks;
        TimeSpan cpuStart = settings.CpuTime ? CpuTime() : default;
        long end = start + (Stopwatch.Frequency * durationMs / 1000);
        long calls = 0;
        long now;
        do
        {
            for (int i = 0; i < 16; i++)
            {
                run(buffer);
            }

            calls += 16;
            now = clock.ElapsedTicks;
        }
        while (now < end);
        double elapsedNs = settings.CpuTime ? (CpuTime() - cpuStart).TotalNanoseconds : (now - start) * 1e9 / Stopwatch.Frequency;
        return elapsedNs / calls;
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static double Median(int repeat, Func<double> measure)
    {
        double[] samples = new double[repeat];
        for (int i = 0; i < repeat; i++)
        {
            samples[i] = measure();
        }

        Array.Sort(samples);
        return samples[repeat / 2];
    }

    private static void Write(TextWriter output, CryptoDevice device, Settings settings, List<Row> rows, bool csv)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv,
            $"crypto-perf: device {device.Name} (driver {device.DriverName}), burst {settings.Burst}, pool {settings.PoolSize}, {settings.DurationMs} ms x {settings.Repeat} per point (median), {(settings.CpuTime ? "process CPU time" : "wall clock")}, {Environment.ProcessorCount} CPUs, {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}, AES-NI {System.Runtime.Intrinsics.X86.Aes.IsSupported}, PCLMULQDQ {System.Runtime.Intrinsics.X86.Pclmulqdq.IsSupported}, AVX2 {System.Runtime.Intrinsics.X86.Avx2.IsSupported}, AVX-512 {System.Runtime.Intrinsics.X86.Avx512F.IsSupported}"));
        string[] header = ["algorithm", "bytes", "device Gbit/s", "device Mops", "device ns/op", "direct ns/op", "op+queue ns/op", "BCL Gbit/s", "device/BCL"];
        if (csv)
        {
            output.WriteLine(string.Join(',', header));
            foreach (Row r in rows)
            {
                output.WriteLine(string.Join(',', r.Cells(inv)));
            }

            return;
        }

        IAnsiConsole console = ConsoleFactory.Create(output);
        var table = new Table().AddColumns(header);
        foreach (Row r in rows)
        {
            table.AddRow(r.Cells(inv).Select(Markup.Escape).ToArray());
        }

        console.Write(table);
        console.WriteLine("Gbit/s count payload bytes only (DPDK convention). direct = the same kernel called in-thread without op or queue; op+queue = device − direct.");
    }

    private static int[] ParseSizes(string text)
    {
        int[] sizes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v is >= 1 and <= 1 << 20
                ? v
                : throw new ArgumentException($"--buffer-sz entry '{s}' is invalid: expected an integer in 1..{1 << 20}."))
            .ToArray();
        return sizes.Length > 0 ? sizes : throw new ArgumentException("--buffer-sz needs at least one size.");
    }

    private static CryptoPerfCase[] SelectCases(string text)
    {
        if (text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return CryptoPerfCatalog.All.ToArray();
        }

        string[] wanted = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string w in wanted)
        {
            if (!CryptoPerfCatalog.All.Any(c => c.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"--algo '{w}' matches no row; rows: {string.Join(", ", CryptoPerfCatalog.All.Select(c => c.Name))}.");
            }
        }

        return CryptoPerfCatalog.All.Where(c => wanted.Any(w => c.Name.Contains(w, StringComparison.OrdinalIgnoreCase))).ToArray();
    }

    internal sealed record Settings(int Burst, int PoolSize, int DurationMs, int Repeat, bool Bcl, bool CpuTime)
    {
        public void Validate()
        {
            Check(Burst, 1, 512, "--burst-sz");
            Check(PoolSize, Burst, 1 << 16, "--pool-sz");
            Check(DurationMs, 1, 60000, "--duration-ms");
            Check(Repeat, 1, 15, "--repeat");
        }

        private static void Check(int value, int min, int max, string name)
        {
            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} {value} is invalid: allowed {min}..{max}.");
            }
        }
    }

    internal sealed record Row(string Algorithm, int Bytes, double DeviceNs, double DirectNs, double BclNs)
    {
        public double DeviceGbps => Bytes * 8 / DeviceNs;

        public string[] Cells(CultureInfo inv) =>
        [
            Algorithm,
            Bytes.ToString(inv),
            DeviceGbps.ToString("0.00", inv),
            (1e3 / DeviceNs).ToString("0.000", inv),
            DeviceNs.ToString("0", inv),
            double.IsNaN(DirectNs) ? "-" : DirectNs.ToString("0", inv),
            double.IsNaN(DirectNs) ? "-" : (DeviceNs - DirectNs).ToString("0", inv),
            double.IsNaN(BclNs) ? "-" : (Bytes * 8 / BclNs).ToString("0.00", inv),
            double.IsNaN(BclNs) ? "-" : (BclNs / DeviceNs).ToString("0.00", inv) + "x",
        ];
    }
}
