using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AccelSdk.Bbdev;
using AccelSdk.Cli.TestBbdev;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AccelSdk.Cli.Commands;

/// <summary><c>accel test-bbdev</c>: DPDK test-bbdev's options and test cases over vector files.</summary>
internal static class TestBbdevCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var vectors = new Option<string[]>("--test-vector", "-v")
        {
            Description = "Vector file or directory (every *.data in it); repeatable.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var cases = new Option<string>("--test-cases", "-c")
        {
            Description = "Comma-separated test cases: validation, throughput, latency, offload, bler.",
            DefaultValueFactory = _ => "validation",
        };
        var numOps = new Option<int>("--num-ops", "-n") { Description = "Ops per queue (per lcore); 0 = 64.", DefaultValueFactory = _ => 64 };
        var burst = new Option<int>("--burst-size", "-b") { Description = "Enqueue/dequeue burst size (1..4096); 0 = 32.", DefaultValueFactory = _ => 32 };
        var burstSizes = new Option<string?>("--burst-sizes")
        {
            Description = "Comma-separated burst sizes (1..4096) to run every test case with, e.g. 1,32,256,1024,4096 (each with at least that many ops).",
        };
        var lcores = new Option<int>("--num-lcores", "-l") { Description = "Worker threads, one queue each, for throughput.", DefaultValueFactory = _ => 1 };
        var iterMax = new Option<int>("--iter-max", "-t") { Description = "Decoder iteration limit.", DefaultValueFactory = _ => 6 };
        var snr = new Option<double>("--snr", "-s") { Description = "SNR in dB for the BLER test.", DefaultValueFactory = _ => 0 };
        var device = new Option<string>("--device") { Description = "Device name or devargs (driver[,key=value...]).", DefaultValueFactory = _ => "baseband_sw" };
        var json = new Option<string?>("--json") { Description = "Write machine-readable results to this file." };
        var simd = new Option<string?>("--simd") { Description = "SIMD width for software drivers: auto, 512, 256, 128, scalar." };
        var repetitions = new Option<int>("--repetitions") { Description = "Repetitions of the throughput loop (test-bbdev uses 100).", DefaultValueFactory = _ => 100 };
        var snrRange = new Option<string?>("--snr-range") { Description = "BLER test: sweep the SNR, FIRST:LAST:STEP in dB (instead of --snr)." };
        var blerIterations = new Option<string?>("--bler-iterations") { Description = "BLER test: sweep the decoder iteration limit, a comma-separated list (instead of --iter-max)." };
        var plot = new Option<string?>("--plot") { Description = "BLER test: write BLER vs SNR (one curve per vector and iteration limit) to FILE.svg or FILE.png." };

        var command = new Command("test-bbdev", "Run DPDK test-bbdev vectors: validation, throughput, latency, offload and BLER test cases.")
        {
            vectors, cases, numOps, burst, burstSizes, lcores, iterMax, snr, device, json, simd, repetitions, snrRange, blerIterations, plot,
        };
        command.SetAction(parse =>
        {
            TestBbdevOptions options = Parse(parse, vectors, cases, numOps, burst, lcores, iterMax, snr, device, json, simd, repetitions)
                with { BurstSizes = ParseBurstSizes(parse.GetValue(burstSizes)) };
            options = WithBlerSweep(options, parse.GetValue(snrRange), parse.GetValue(blerIterations), parse.GetValue(plot));

            // With --burst-sizes every size runs with at least that many ops, so -n only has to match a single -b.
            Require(options.BurstSizes.Count > 0 || options.NumOps >= options.BurstSize, "--num-ops", options.NumOps, $"at least the burst size {options.BurstSize}");
            return Run(options, output, error);
        });
        return command;
    }

    internal static int Run(TestBbdevOptions options, TextWriter output, TextWriter error)
    {
        IReadOnlyList<string> files = TestBbdevRunner.ExpandVectorPaths(options.Vectors);
        using ServiceProvider provider = SdkHost.Build(o => o.ProbeBuses = true);
        IAnsiConsole console = ConsoleFactory.Create(output);
        bool interactive = ConsoleFactory.IsInteractive(output);
        var runner = new TestBbdevRunner(options, provider.Registry(), result => WriteLine(console, result));
        BbdevDevice bbdev = runner.AcquireDevice();
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"test-bbdev: device {bbdev.Name} ({bbdev.DriverName}; {bbdev.Info.Engine}), {files.Count} vector file(s), cases {string.Join(",", options.TestCases).ToLowerInvariant()}, num ops {options.NumOps}, burst {options.BurstSize}, lcores {options.Lcores}, iter max {options.IterMax}"));

        var results = new List<TestCaseResult>();
        IReadOnlyList<int> bursts = options.BurstSizes.Count > 0 ? options.BurstSizes : [options.BurstSize];
        foreach (int burst in bursts)
        {
            // One runner per burst size over the same device; its results are labelled with the burst when there are several.
            TestBbdevRunner pass = options.BurstSizes.Count == 0 ? runner
                : new TestBbdevRunner(options with { BurstSize = burst, NumOps = Math.Max(options.NumOps, burst) }, provider.Registry(), result => WriteLine(console, result));
            if (interactive && files.Count > 1)
            {
                console.Progress().AutoClear(true).Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask("vectors", maxValue: files.Count);
                    pass.Run(bbdev, files, () => task.Increment(1));
                });
            }
            else
            {
                pass.Run(bbdev, files);
            }

            results.AddRange(pass.Results);
        }

        WriteSummary(console, output, results);
        if (options.JsonPath is not null)
        {
            WriteJson(options, bbdev, results);
        }

        if (options.PlotPath is not null)
        {
            WriteBlerPlot(options, bbdev, results);
            console.WriteLine($"BLER plot written to {options.PlotPath}");
        }

        int failed = results.Count(r => r.Outcome == TestOutcome.Failed);
        return failed > 0 ? AccelApp.ExitFailed : AccelApp.ExitOk;
    }

    private static TestBbdevOptions Parse(ParseResult parse, Option<string[]> vectors, Option<string> cases, Option<int> numOps, Option<int> burst,
        Option<int> lcores, Option<int> iterMax, Option<double> snr, Option<string> device, Option<string?> json, Option<string?> simd, Option<int> repetitions)
    {
        var testCases = new List<TestCaseKind>();
        foreach (string name in (parse.GetValue(cases) ?? "validation").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse(name, ignoreCase: true, out TestCaseKind kind) || int.TryParse(name, out _))
            {
                throw new ArgumentException($"--test-cases: unknown test case '{name}'; allowed: validation, throughput, latency, offload, bler.");
            }

            if (!testCases.Contains(kind))
            {
                testCases.Add(kind);
            }
        }

        int n = parse.GetValue(numOps);
        n = n == 0 ? 64 : n;
        int b = parse.GetValue(burst);
        b = b == 0 ? 32 : b;
        Require(n >= 1 && n <= 1 << 20, "--num-ops", n, "[1, 1048576]");
        Require(b >= 1 && b <= 4096, "--burst-size", b, "[1, 4096]");
        int l = parse.GetValue(lcores);
        Require(l >= 1 && l <= 128, "--num-lcores", l, "[1, 128]");
        int t = parse.GetValue(iterMax);
        Require(t >= 1 && t <= 100, "--iter-max", t, "[1, 100]");
        int reps = parse.GetValue(repetitions);
        Require(reps >= 1 && reps <= 100000, "--repetitions", reps, "[1, 100000]");
        string? simdValue = parse.GetValue(simd);
        if (simdValue is not null)
        {
            _ = AccelSdk.Bbdev.Fec.SimdSupport.Parse(simdValue);
        }

        return new TestBbdevOptions
        {
            Vectors = parse.GetValue(vectors) ?? [],
            TestCases = testCases,
            NumOps = n,
            BurstSize = b,
            Lcores = l,
            IterMax = t,
            SnrDb = parse.GetValue(snr),
            Device = parse.GetValue(device) ?? "baseband_sw",
            JsonPath = parse.GetValue(json),
            Simd = simdValue,
            Repetitions = reps,
        };
    }

    /// <summary>Adds the BLER sweep options (<c>--snr-range</c>, <c>--bler-iterations</c>, <c>--plot</c>), checked before any work.</summary>
    internal static TestBbdevOptions WithBlerSweep(TestBbdevOptions options, string? snrRange, string? iterations, string? plot)
    {
        IReadOnlyList<double> snrs = snrRange is null ? [] : Pipeline.PipelineSweep.ParseSnrRange(snrRange);
        IReadOnlyList<int> iters = iterations is null ? [] : Pipeline.PipelineSweep.ParseList("--bler-iterations", iterations, 1, 100);
        if (plot is not null)
        {
            if (!options.TestCases.Contains(TestCaseKind.Bler))
            {
                throw new ArgumentException($"--plot {plot} needs the bler test case: allowed with -c bler.");
            }

            // After the option checks, so that a machine without fonts still hears what is wrong with the command.
            Plots.PlotWriter.ValidatePath("--plot", plot);
        }

        if ((snrs.Count > 0 || iters.Count > 0) && !options.TestCases.Contains(TestCaseKind.Bler))
        {
            throw new ArgumentException($"{(snrs.Count > 0 ? "--snr-range " + snrRange : "--bler-iterations " + iterations)} applies to the bler test case: allowed with -c bler.");
        }

        return options with { SnrRange = snrs, BlerIterations = iters, PlotPath = plot };
    }

    private static void WriteBlerPlot(TestBbdevOptions options, BbdevDevice device, IReadOnlyList<TestCaseResult> results)
    {
        var series = new List<Plots.PlotSeries>();
        foreach (IGrouping<(string Vector, double Iterations), TestCaseResult> curve in results
            .Where(r => r.TestCase == "bler" && r.Outcome == TestOutcome.Passed && r.Metrics.ContainsKey("snr_db"))
            .GroupBy(r => (r.Vector, r.Metrics.GetValueOrDefault("iter_max"))))
        {
            TestCaseResult[] points = curve.OrderBy(r => r.Metrics["snr_db"]).ToArray();
            string vector = Path.GetFileNameWithoutExtension(curve.Key.Vector);
            series.Add(new Plots.PlotSeries(string.Create(CultureInfo.InvariantCulture, $"{vector}, {curve.Key.Iterations:0} it."),
                points.Select(r => r.Metrics["snr_db"]).ToArray(), points.Select(r => r.Metrics["bler"]).ToArray()));
        }

        if (series.Count == 0)
        {
            throw new InvalidOperationException($"--plot {options.PlotPath}: no BLER points were measured (no decoder vector passed the bler test case).");
        }

        Plots.PlotWriter.WriteBler(options.PlotPath!, string.Create(CultureInfo.InvariantCulture,
            $"accel test-bbdev -c bler: {device.DriverName}, {options.NumOps} ops per point, AWGN"), series);
    }

    private static List<int> ParseBurstSizes(string? text)
    {
        var sizes = new List<int>();
        foreach (string part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size < 1 || size > 4096)
            {
                throw new ArgumentException($"--burst-sizes: '{part}' is not a burst size in [1, 4096].");
            }

            sizes.Add(size);
        }

        return sizes;
    }

    private static void Require(bool ok, string option, int value, string range)
    {
        if (!ok)
        {
            throw new ArgumentException($"{option} {value} is out of range: allowed {range}.");
        }
    }

    private static void WriteLine(IAnsiConsole console, TestCaseResult result)
    {
        string tag = result.Outcome switch
        {
            TestOutcome.Passed => "PASS",
            TestOutcome.Failed => "FAIL",
            _ => "SKIP",
        };
        console.WriteLine($"{tag,-4}  {result.Vector,-52} {result.TestCase,-10} {result.Detail}");
    }

    private static void WriteSummary(IAnsiConsole console, TextWriter output, IReadOnlyList<TestCaseResult> results)
    {
        Table table = ConsoleFactory.NewTable(output, "Vector", "Op", "Test", "Result", "Detail");
        foreach (TestCaseResult r in results)
        {
            string outcome = r.Outcome switch
            {
                TestOutcome.Passed => "[green]passed[/]",
                TestOutcome.Failed => "[red]failed[/]",
                _ => "[yellow]skipped[/]",
            };
            table.AddRow(Markup.Escape(r.Vector), Markup.Escape(r.OpType.Replace("RTE_BBDEV_OP_", "", StringComparison.Ordinal)), r.TestCase, outcome, Markup.Escape(r.Detail));
        }

        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count(r => r.Outcome == TestOutcome.Passed)} passed, {results.Count(r => r.Outcome == TestOutcome.Failed)} failed, {results.Count(r => r.Outcome == TestOutcome.Skipped)} skipped"));
    }

    private static void WriteJson(TestBbdevOptions options, BbdevDevice device, IReadOnlyList<TestCaseResult> results)
    {
        var document = new
        {
            tool = "accel test-bbdev",
            device = device.Name,
            driver = device.DriverName,
            engine = device.Info.Engine,
            machine = new { Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = Environment.Version.ToString() },
            options,
            results = results.Select(r => new { r.Vector, r.OpType, r.TestCase, outcome = r.Outcome.ToString().ToLowerInvariant(), r.Detail, r.Metrics }),
        };
        File.WriteAllText(options.JsonPath!, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
    }
}
