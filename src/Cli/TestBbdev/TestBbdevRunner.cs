using System.Diagnostics;
using System.Globalization;
using AccelSdk.Bbdev;
using AccelSdk.Bbdev.TestVectors;
using AccelSdk.Bbdev.TestVectors.Harness;
using AccelSdk.Core.Devices;

namespace AccelSdk.Cli.TestBbdev;

/// <summary>
/// Runs test-bbdev's test cases over vector files on one device: validation, throughput, latency, offload and BLER,
/// with DPDK's semantics (bbdev.md §6). Bad files and unsupported vectors are reported and the rest still runs.
/// </summary>
internal sealed class TestBbdevRunner(TestBbdevOptions options, DeviceRegistry registry, Action<TestCaseResult> report)
{
    private static readonly TimeSpan DequeueTimeout = TimeSpan.FromSeconds(60);

    public List<TestCaseResult> Results { get; } = new();

    /// <summary>Expands the vector arguments into files (a directory means every *.data in it, sorted).</summary>
    public static IReadOnlyList<string> ExpandVectorPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.data").Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    public BbdevDevice AcquireDevice()
    {
        if (registry.TryGet(options.Device, out IAccelDevice existing))
        {
            return existing as BbdevDevice ?? throw new ArgumentException($"--device {options.Device}: device is a {existing.Class} device, not a baseband device.");
        }

        // A bus driver's name (baseband_qdma) selects the first device that driver created when the buses were probed;
        // virtual-device drivers keep creating a device from the devargs below.
        if (!options.Device.Contains(',', StringComparison.Ordinal)
            && !registry.Drivers.Any(d => d.Name == options.Device || d.Aliases.Contains(options.Device))
            && registry.Devices.FirstOrDefault(d => d.DriverName == options.Device) is { } probed)
        {
            if (options.Simd is not null)
            {
                throw new ArgumentException($"--simd {options.Simd}: driver {options.Device} has no SIMD choice.");
            }

            return probed as BbdevDevice ?? throw new ArgumentException($"--device {options.Device}: device {probed.Name} is a {probed.Class} device, not a baseband device.");
        }

        string devargs = options.Device;
        if (options.Simd is not null)
        {
            string driverName = devargs.Split(',')[0];
            IDeviceDriver? driver = registry.Drivers.FirstOrDefault(d => driverName.StartsWith(d.Name, StringComparison.Ordinal) || d.Aliases.Any(a => driverName.StartsWith(a, StringComparison.Ordinal)));
            if (driver is not null && driver.ArgumentHelp.Any(h => h.StartsWith("simd=", StringComparison.Ordinal)) && !devargs.Contains("simd=", StringComparison.Ordinal))
            {
                devargs += ",simd=" + options.Simd;
            }
            else if (driver is not null && !devargs.Contains("simd=", StringComparison.Ordinal))
            {
                throw new ArgumentException($"--simd {options.Simd}: driver {driver.Name} has no SIMD choice.");
            }
        }

        IAccelDevice device;
        try
        {
            device = registry.CreateVirtualDevice(devargs);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"--device {options.Device}: {ex.Message}", ex);
        }

        return device as BbdevDevice ?? throw new ArgumentException($"--device {options.Device}: not a baseband device.");
    }

    public void Run(BbdevDevice device, IReadOnlyList<string> files, Action? onVectorDone = null)
    {
        foreach (string file in files)
        {
            RunFile(device, file);
            onVectorDone?.Invoke();
        }
    }

    private void RunFile(BbdevDevice device, string file)
    {
        string name = Path.GetFileName(file);
        BbdevTestVector vector;
        try
        {
            vector = BbdevTestVectorReader.Read(file);
        }
        catch (Exception ex) when (ex is BbdevVectorFormatException or IOException or UnauthorizedAccessException)
        {
            Add(new TestCaseResult { Vector = name, OpType = "-", TestCase = "parse", Outcome = TestOutcome.Failed, Detail = ex.Message });
            return;
        }

        string opType = BbdevDpdkNames.GetOpTypeName(vector.OpType);
        string? unsuitable = VectorOpSet.CheckSuitability(vector, device.Info);
        if (unsuitable is null && vector.OpType is not (BbdevOpType.None or BbdevOpType.LdpcDec or BbdevOpType.LdpcEnc) && !HarnessExists(vector))
        {
            unsuitable = $"no test harness for {opType} yet";
        }

        if (unsuitable is not null)
        {
            foreach (TestCaseKind kind in options.TestCases)
            {
                Add(Skip(name, opType, kind, unsuitable));
            }

            return;
        }

        foreach (TestCaseKind kind in options.TestCases)
        {
            if (kind == TestCaseKind.Bler)
            {
                // One result per (iteration limit, SNR) point: the BLER curves of this vector. A skip or failure ends them.
                bool stop = false;
                foreach (int iterMax in options.BlerIterations.Count > 0 ? options.BlerIterations : [options.IterMax])
                {
                    foreach (double snr in options.SnrRange.Count > 0 ? options.SnrRange : [options.SnrDb])
                    {
                        TestCaseResult point = Guard(kind, name, opType, () => Bler(device, vector, name, opType, snr, iterMax));
                        Add(point);
                        stop = point.Outcome != TestOutcome.Passed;
                        if (stop)
                        {
                            break;
                        }
                    }

                    if (stop)
                    {
                        break;
                    }
                }

                continue;
            }

            Add(Guard(kind, name, opType, () => kind switch
            {
                TestCaseKind.Validation => Validation(device, vector, name, opType),
                TestCaseKind.Latency => Latency(device, vector, name, opType),
                TestCaseKind.Throughput => Throughput(device, vector, name, opType),
                TestCaseKind.Offload => Offload(device, vector, name, opType),
                _ => throw new InvalidOperationException($"Unknown test case {kind}."),
            }));
        }
    }

    private static TestCaseResult Guard(TestCaseKind kind, string name, string opType, Func<TestCaseResult> run)
    {
        try
        {
            return run();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or TimeoutException or NotSupportedException)
        {
            return new TestCaseResult { Vector = name, OpType = opType, TestCase = Name(kind), Outcome = TestOutcome.Failed, Detail = ex.Message };
        }
    }

    private static bool HarnessExists(BbdevTestVector vector)
    {
        try
        {
            using VectorOpSet set = VectorOpSet.Create(vector, new BbdevDriverInfo { DriverName = "probe" }, 1, new VectorOpOptions());
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    private TestCaseResult Validation(BbdevDevice device, BbdevTestVector vector, string name, string opType)
    {
        using VectorOpSet set = Build(device, vector, VectorTestMode.Validation);
        SetupQueues(device, vector.OpType, 1);
        var latency = new LatencyStats();
        RunBursts(device, 0, set, latency);
        string? failure = ValidateAll(set);
        var metrics = latency.ToMetrics();
        int maxIter = MaxIterations(set);
        if (maxIter > 0)
        {
            metrics["max_iterations"] = maxIter;
        }

        return failure is null
            ? Pass(name, opType, TestCaseKind.Validation, maxIter > 0 ? $"{set.Count} ops, max iterations {maxIter}" : $"{set.Count} ops", metrics)
            : Fail(name, opType, TestCaseKind.Validation, failure, metrics);
    }

    private TestCaseResult Latency(BbdevDevice device, BbdevTestVector vector, string name, string opType)
    {
        using VectorOpSet set = Build(device, vector, VectorTestMode.Performance);
        SetupQueues(device, vector.OpType, 1);
        var latency = new LatencyStats();
        var whole = new LatencyStats();
        RunBursts(device, 0, set, latency, whole);
        string? failure = ValidateAll(set);
        Dictionary<string, double> metrics = latency.ToMetrics();
        metrics["burst_latency_avg_us"] = whole.AverageMicroseconds;
        metrics["burst_latency_min_us"] = whole.MinMicroseconds;
        metrics["burst_latency_max_us"] = whole.MaxMicroseconds;
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"latency avg {latency.AverageMicroseconds:F2} us, min {latency.MinMicroseconds:F2} us, max {latency.MaxMicroseconds:F2} us over {latency.Count} bursts; whole burst (first enqueue to last dequeue) avg {whole.AverageMicroseconds:F2} us, max {whole.MaxMicroseconds:F2} us");
        return failure is null ? Pass(name, opType, TestCaseKind.Latency, summary, metrics) : Fail(name, opType, TestCaseKind.Latency, failure, metrics);
    }

    private TestCaseResult Throughput(BbdevDevice device, BbdevTestVector vector, string name, string opType)
    {
        int lcores = Math.Min(options.Lcores, device.Info.MaxQueues);
        SetupQueues(device, vector.OpType, lcores);
        var sets = new VectorOpSet[lcores];
        try
        {
            for (int i = 0; i < lcores; i++)
            {
                sets[i] = Build(device, vector, VectorTestMode.Performance);
            }

            var seconds = new double[lcores];
            var errors = new string?[lcores];
            using var barrier = new Barrier(lcores);
            var threads = new Thread[lcores];
            for (int i = 0; i < lcores; i++)
            {
                int lcore = i;
                threads[i] = new Thread(() =>
                {
                    try
                    {
                        barrier.SignalAndWait();
                        seconds[lcore] = ThroughputLoop(device, lcore, sets[lcore]);
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
                    {
                        errors[lcore] = ex.Message;
                    }
                })
                { Name = $"lcore{lcore}", IsBackground = true };
                threads[i].Start();
            }

            foreach (Thread thread in threads)
            {
                thread.Join();
            }

            string? failure = errors.FirstOrDefault(e => e is not null);
            for (int i = 0; failure is null && i < lcores; i++)
            {
                failure = ValidateAll(sets[i]);
            }

            var metrics = new Dictionary<string, double>();
            double totalOps = 0;
            double totalMbps = 0;
            var perCore = new List<string>();
            for (int i = 0; i < lcores; i++)
            {
                double ops = seconds[i] > 0 ? sets[i].Count * (double)options.Repetitions / seconds[i] : 0;
                double mbps = ops * sets[i].InformationBitsPerOp / 1e6;
                metrics[$"lcore{i}_ops_per_second"] = ops;
                metrics[$"lcore{i}_mbps"] = mbps;
                totalOps += ops;
                totalMbps += mbps;
                perCore.Add(string.Create(CultureInfo.InvariantCulture, $"core {i}: {ops:F0} ops/s, {mbps:F1} Mbps"));
            }

            metrics["ops_per_second"] = totalOps;
            metrics["mbps"] = totalMbps;
            metrics["lcores"] = lcores;
            int maxIter = sets.Max(MaxIterations);
            if (maxIter > 0)
            {
                metrics["max_iterations"] = maxIter;
            }

            string summary = string.Create(CultureInfo.InvariantCulture, $"{totalOps:F0} ops/s, {totalMbps:F1} Mbps on {lcores} lcore(s)")
                + (maxIter > 0 ? $" @ max {maxIter} iterations" : "")
                + (lcores > 1 ? $" ({string.Join("; ", perCore)})" : "");
            return failure is null ? Pass(name, opType, TestCaseKind.Throughput, summary, metrics) : Fail(name, opType, TestCaseKind.Throughput, failure, metrics);
        }
        finally
        {
            foreach (VectorOpSet? set in sets)
            {
                set?.Dispose();
            }
        }
    }

    private double ThroughputLoop(BbdevDevice device, int queueId, VectorOpSet set)
    {
        // Warm-up, untimed: the JIT promotes the data path to optimised code after a few hundred milliseconds of
        // calls (tiered compilation); DPDK's C has no such phase, so measuring it would understate steady state.
        long warmUpEnd = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 2);
        for (int rep = 0; rep < options.Repetitions && Stopwatch.GetTimestamp() < warmUpEnd; rep++)
        {
            RunRepetition(device, queueId, set);
        }

        long total = 0;
        for (int rep = 0; rep < options.Repetitions; rep++)
        {
            total += RunRepetition(device, queueId, set);
        }

        return (double)total / Stopwatch.Frequency;
    }

    /// <summary>One pass of every op through the queue, enqueue and dequeue interleaved; returns its duration in ticks.</summary>
    private long RunRepetition(BbdevDevice device, int queueId, VectorOpSet set)
    {
        int n = set.Count;
        int burst = options.BurstSize;
        {
            set.ResetOutputs();
            set.ClearDequeued();
            long deadline = Stopwatch.GetTimestamp() + (long)(DequeueTimeout.TotalSeconds * Stopwatch.Frequency);
            long start = Stopwatch.GetTimestamp();
            int enqueued = 0;
            while (set.DequeuedCount < n)
            {
                if (enqueued < n)
                {
                    enqueued += set.Enqueue(device, queueId, enqueued, Math.Min(burst, n - enqueued));
                }

                if (set.Dequeue(device, queueId, burst) == 0 && Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException($"lcore {queueId}: {n - set.DequeuedCount} ops not dequeued within {DequeueTimeout.TotalSeconds} s");
                }
            }

            return Stopwatch.GetTimestamp() - start;
        }
    }

    private TestCaseResult Offload(BbdevDevice device, BbdevTestVector vector, string name, string opType)
    {
        using VectorOpSet set = Build(device, vector, VectorTestMode.Performance);
        SetupQueues(device, vector.OpType, 1);
        device.ResetStats();
        var driverCost = new LatencyStats();
        var acceleratorCost = new LatencyStats();
        var dequeueCost = new LatencyStats();
        for (int start = 0; start < set.Count; start += options.BurstSize)
        {
            int count = Math.Min(options.BurstSize, set.Count - start);
            int accepted = 0;
            long t0 = Stopwatch.GetTimestamp();
            while (accepted < count)
            {
                accepted += set.Enqueue(device, 0, start + accepted, count - accepted);
            }

            double enqueueNs = Stopwatch.GetElapsedTime(t0).TotalNanoseconds;
            double accNs = device.GetQueueStats(0).AccOffloadNanoseconds;
            acceleratorCost.Add(accNs);
            driverCost.Add(Math.Max(0, enqueueNs - accNs));
            if (!device.WaitForCompletions(0, DequeueTimeout))
            {
                throw new TimeoutException($"no completion within {DequeueTimeout.TotalSeconds} s");
            }

            Thread.Sleep(1); // like test-bbdev's 1000 us wait: let an asynchronous device finish the burst
            long t1 = Stopwatch.GetTimestamp();
            int got = 0;
            while (got == 0)
            {
                got = set.Dequeue(device, 0, count);
            }

            dequeueCost.Add(Stopwatch.GetElapsedTime(t1).TotalNanoseconds);
            Drain(device, 0, set, start + count);
        }

        var empty = new LatencyStats();
        int emptyCalls = (set.Count + options.BurstSize - 1) / options.BurstSize;
        for (int i = 0; i < emptyCalls; i++)
        {
            long t = Stopwatch.GetTimestamp();
            set.Dequeue(device, 0, options.BurstSize);
            empty.Add(Stopwatch.GetElapsedTime(t).TotalNanoseconds);
        }

        BbdevStats stats = device.GetQueueStats(0);
        string? failure = stats.EnqueuedCount != set.Count || stats.DequeuedCount != set.Count
            ? $"queue stats: enqueued {stats.EnqueuedCount}, dequeued {stats.DequeuedCount}, expected {set.Count} each"
            : stats.EnqueueErrorCount != 0 || stats.DequeueErrorCount != 0
                ? $"queue stats: {stats.EnqueueErrorCount} enqueue errors, {stats.DequeueErrorCount} dequeue errors"
                : null;
        var metrics = new Dictionary<string, double>
        {
            ["enqueue_driver_avg_ns"] = driverCost.Average,
            ["enqueue_driver_min_ns"] = driverCost.Min,
            ["enqueue_driver_max_ns"] = driverCost.Max,
            ["enqueue_accelerator_avg_ns"] = acceleratorCost.Average,
            ["dequeue_one_avg_ns"] = dequeueCost.Average,
            ["dequeue_one_min_ns"] = dequeueCost.Min,
            ["dequeue_one_max_ns"] = dequeueCost.Max,
            ["empty_dequeue_avg_ns"] = empty.Average,
            ["enqueue_driver_per_op_ns"] = driverCost.Average / Math.Min(options.BurstSize, set.Count),
        };
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"enqueue driver {driverCost.Average / 1000:F2} us/burst ({metrics["enqueue_driver_per_op_ns"]:F0} ns/op), accelerator {acceleratorCost.Average / 1000:F2} us/burst, dequeue {dequeueCost.Average / 1000:F2} us, empty dequeue {empty.Average:F0} ns");
        return failure is null ? Pass(name, opType, TestCaseKind.Offload, summary, metrics) : Fail(name, opType, TestCaseKind.Offload, failure, metrics);
    }

    private TestCaseResult Bler(BbdevDevice device, BbdevTestVector vector, string name, string opType, double snrDb, int iterMax)
    {
        if (vector.OpType is not (BbdevOpType.LdpcDec or BbdevOpType.TurboDec))
        {
            return Skip(name, opType, TestCaseKind.Bler, "BLER applies to decoder vectors only");
        }

        if (vector.OpType == BbdevOpType.LdpcDec && (vector.OpFlags & (uint)(LdpcDecFlags.InternalHarqMemoryLoopback | LdpcDecFlags.LlrCompression)) != 0)
        {
            return Skip(name, opType, TestCaseKind.Bler, "BLER does not apply to loopback or compressed-LLR vectors");
        }

        using VectorOpSet set = VectorOpSet.Create(vector, device.Info, options.NumOps,
            new VectorOpOptions { IterMax = iterMax, Mode = VectorTestMode.Bler, SnrDb = snrDb, Seed = 12345 });
        SetupQueues(device, vector.OpType, 1);
        long t0 = Stopwatch.GetTimestamp();
        RunBursts(device, 0, set, latency: null);
        double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        int failed = 0;
        double iterations = 0;
        for (int i = 0; i < set.DequeuedCount; i++)
        {
            failed += set.HardOutputMatches(i) ? 0 : 1;
            iterations += set.IterCountOf(i);
        }

        double bler = (double)failed / set.Count;
        double mbps = set.Count * (double)set.InformationBitsPerOp / 1e6 / seconds;
        var metrics = new Dictionary<string, double>
        {
            ["snr_db"] = snrDb,
            ["iter_max"] = iterMax,
            ["bler"] = bler,
            ["avg_iterations"] = iterations / set.Count,
            ["mbps"] = mbps,
        };
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"SNR {snrDb:F2} dB BLER {bler * 100:F2} % - Iterations {iterations / set.Count:F2} {iterMax} - Tp {mbps:F1} Mbps");
        return Pass(name, opType, TestCaseKind.Bler, summary, metrics);
    }

    private VectorOpSet Build(BbdevDevice device, BbdevTestVector vector, VectorTestMode mode) =>
        VectorOpSet.Create(vector, device.Info, options.NumOps, new VectorOpOptions { IterMax = options.IterMax, Mode = mode, SnrDb = options.SnrDb });

    private void SetupQueues(BbdevDevice device, BbdevOpType opType, int count)
    {
        device.Stop();
        device.SetupQueues(Math.Min(count, device.Info.MaxQueues));
        int size = Math.Max((int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)options.BurstSize), device.Info.DefaultQueueConfig.QueueSize);
        size = Math.Min(size, device.Info.QueueSizeLimit);
        for (int q = 0; q < device.QueueCount; q++)
        {
            device.ConfigureQueue(q, new BbdevQueueConfig { OpType = opType, QueueSize = size });
        }

        device.Start();
    }

    /// <summary>test-bbdev's validation loop: bursts that must be accepted whole, each dequeued completely before the next.</summary>
    private void RunBursts(BbdevDevice device, int queueId, VectorOpSet set, LatencyStats? latency, LatencyStats? whole = null)
    {
        set.ResetOutputs();
        set.ClearDequeued();
        for (int start = 0; start < set.Count; start += options.BurstSize)
        {
            int count = Math.Min(options.BurstSize, set.Count - start);
            long t0 = Stopwatch.GetTimestamp();
            int accepted = set.Enqueue(device, queueId, start, count);
            if (accepted != count)
            {
                throw new InvalidOperationException($"enqueue accepted {accepted} of a burst of {count} ops on an empty queue");
            }

            bool first = true;
            long deadline = t0 + (long)(DequeueTimeout.TotalSeconds * Stopwatch.Frequency);
            while (set.DequeuedCount < start + count)
            {
                int got = set.Dequeue(device, queueId, count);
                if (got > 0 && first)
                {
                    latency?.Add(Stopwatch.GetElapsedTime(t0).TotalNanoseconds);
                    first = false;
                }
                else if (got == 0 && Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException($"{start + count - set.DequeuedCount} ops not dequeued within {DequeueTimeout.TotalSeconds} s");
                }
            }

            whole?.Add(Stopwatch.GetElapsedTime(t0).TotalNanoseconds);
        }
    }

    private static void Drain(BbdevDevice device, int queueId, VectorOpSet set, int target)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(DequeueTimeout.TotalSeconds * Stopwatch.Frequency);
        while (set.DequeuedCount < target)
        {
            if (set.Dequeue(device, queueId, target - set.DequeuedCount) == 0 && Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"{target - set.DequeuedCount} ops not dequeued within {DequeueTimeout.TotalSeconds} s");
            }
        }
    }

    private static string? ValidateAll(VectorOpSet set)
    {
        if (set.DequeuedCount != set.Count)
        {
            return $"{set.DequeuedCount} of {set.Count} ops came back";
        }

        for (int i = 0; i < set.DequeuedCount; i++)
        {
            string? failure = set.ValidateDequeued(i);
            if (failure is not null)
            {
                return $"op {i}: {failure}";
            }
        }

        return null;
    }

    private static int MaxIterations(VectorOpSet set)
    {
        int max = 0;
        for (int i = 0; i < set.DequeuedCount; i++)
        {
            max = Math.Max(max, set.IterCountOf(i));
        }

        return max;
    }

    private void Add(TestCaseResult result)
    {
        if (options.BurstSizes.Count > 0)
        {
            result = result with { TestCase = string.Create(CultureInfo.InvariantCulture, $"{result.TestCase} b={options.BurstSize}") };
        }

        Results.Add(result);
        report(result);
    }

    private static string Name(TestCaseKind kind) => kind.ToString().ToLowerInvariant();

    private static TestCaseResult Pass(string vector, string opType, TestCaseKind kind, string detail, Dictionary<string, double>? metrics = null) =>
        new() { Vector = vector, OpType = opType, TestCase = Name(kind), Outcome = TestOutcome.Passed, Detail = detail, Metrics = metrics ?? new() };

    private static TestCaseResult Fail(string vector, string opType, TestCaseKind kind, string detail, Dictionary<string, double>? metrics = null) =>
        new() { Vector = vector, OpType = opType, TestCase = Name(kind), Outcome = TestOutcome.Failed, Detail = detail, Metrics = metrics ?? new() };

    private static TestCaseResult Skip(string vector, string opType, TestCaseKind kind, string detail) =>
        new() { Vector = vector, OpType = opType, TestCase = Name(kind), Outcome = TestOutcome.Skipped, Detail = detail };
}
