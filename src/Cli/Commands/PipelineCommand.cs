using System.CommandLine;
using System.Globalization;
using AccelSdk.Bbdev;
using AccelSdk.Cli.Pipeline;
using AccelSdk.Cli.Plots;
using AccelSdk.Core.Devices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using VranPipeline.Configuration;
using VranPipeline.Pipeline;
using VranPipeline.Radio;
using VranPipeline.Scheduling;

namespace AccelSdk.Cli.Commands;

/// <summary>
/// <c>accel pipeline</c>: runs the vRAN example's multi-cell LDPC pipeline (examples/VranPipeline) and reports per
/// cell goodput, BLER before and after HARQ and slot processing times; sweeps SNR (BLER curve) or lcores and burst
/// sizes (throughput curve) and plots them.
/// </summary>
internal static class PipelineCommand
{
    /// <summary>The command-line switch of each <see cref="PipelineOptions"/> property, so errors name what the user typed.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>
    {
        [nameof(PipelineOptions.Cells)] = "--cells",
        [nameof(PipelineOptions.Slots)] = "--slots",
        [nameof(PipelineOptions.UesPerCell)] = "--ues",
        [nameof(PipelineOptions.Tbs)] = "--tbs",
        [nameof(PipelineOptions.Mcs)] = "--mcs",
        [nameof(PipelineOptions.McsTable)] = "--mcs-table",
        [nameof(PipelineOptions.Modulation)] = "--modulation",
        [nameof(PipelineOptions.Prbs)] = "--prbs",
        [nameof(PipelineOptions.Symbols)] = "--symbols",
        [nameof(PipelineOptions.DmrsResourceElementsPerPrb)] = "--dmrs-re",
        [nameof(PipelineOptions.Overhead)] = "--overhead",
        [nameof(PipelineOptions.SnrDb)] = "--snr",
        [nameof(PipelineOptions.Device)] = "--device",
        [nameof(PipelineOptions.Lcores)] = "--lcores",
        [nameof(PipelineOptions.BurstSize)] = "--burst-size",
        [nameof(PipelineOptions.IterMax)] = "--iter-max",
        [nameof(PipelineOptions.MaxTransmissions)] = "--max-tx",
        [nameof(PipelineOptions.EncodeMode)] = "--encode-mode",
        [nameof(PipelineOptions.BaseGraph)] = "--base-graph",
        [nameof(PipelineOptions.Seed)] = "--seed",
        [nameof(PipelineOptions.SlotMicroseconds)] = "--slot-us",
        [nameof(PipelineOptions.SlotClock)] = "--slot-clock",
        [nameof(PipelineOptions.LlrGain)] = "--llr-gain",
    };

    public static Command Create(TextWriter output)
    {
        var cells = new Option<int?>("--cells") { Description = "Cells, each with an encode (downlink) and a decode (uplink) queue. Default 2." };
        var slots = new Option<int?>("--slots") { Description = "Slots with new transport blocks (pending retransmissions then drain). Default 100." };
        var ues = new Option<int?>("--ues") { Description = "UEs per cell, one transport block each per slot. Default 1." };
        var tbs = new Option<int?>("--tbs") { Description = "Transport block size in bits (instead of --mcs)." };
        var mcs = new Option<int?>("--mcs") { Description = "MCS index (TS 38.214 5.1.3.1); the TBS follows from it and --prbs. Default 10." };
        var mcsTable = new Option<string?>("--mcs-table") { Description = "MCS table: qam64, qam256, qam64lowse. Default qam256." };
        var modulation = new Option<string?>("--modulation") { Description = "Modulation with --tbs: qpsk, 16qam, 64qam, 256qam. Default qpsk." };
        var prbs = new Option<int?>("--prbs") { Description = "PRBs per UE. Default 52." };
        var symbols = new Option<int?>("--symbols") { Description = "Shared-channel OFDM symbols per slot. Default 12." };
        var dmrs = new Option<int?>("--dmrs-re") { Description = "DM-RS REs per PRB. Default 12." };
        var overhead = new Option<int?>("--overhead") { Description = "xOverhead REs per PRB for the TBS: 0, 6, 12, 18. Default 0." };
        var snr = new Option<double?>("--snr") { Description = "Es/N0 of the AWGN channel in dB. Default 30." };
        var device = new Option<string?>("--device") { Description = "Device name or devargs (driver[,key=value...]). Default baseband_sw." };
        var lcores = new Option<int?>("--lcores") { Description = "Worker threads; cell c runs on lcore c mod N. Default 1." };
        var burst = new Option<int?>("--burst-size") { Description = "Most ops per enqueue call. Default 32." };
        var iterMax = new Option<int?>("--iter-max") { Description = "Decoder iteration limit. Default 8." };
        var maxTx = new Option<int?>("--max-tx") { Description = "Transmissions per TB (rv 0, 2, 3, 1), 1..4. Default 4." };
        var encodeMode = new Option<string?>("--encode-mode") { Description = "Encode ops per transport block (tb) or per code block (cb). Default tb." };
        var baseGraph = new Option<int?>("--base-graph") { Description = "LDPC base graph: 0 = TS 38.212 7.2.2 selection, 1 or 2. Default 0." };
        var seed = new Option<int?>("--seed") { Description = "Seed of payloads and noise. Default 1." };
        var slotUs = new Option<double?>("--slot-us") { Description = "Slot duration in microseconds the processing time is held against. Default 500." };
        var slotClock = new Option<string?>("--slot-clock") { Description = "Slot time clock: wall (the deadline's clock) or cpu (lcore thread CPU time, for shared machines). Default wall." };
        var llrGain = new Option<double?>("--llr-gain") { Description = "Factor on the LLRs before quantisation to the device's format, (0, 64]. Default: the scale the device's decoder is tuned for (4 on baseband_sw: S8.1 at 8 LSB per natural unit), 1 where the device states none." };
        var warmup = new Option<int>("--warmup-slots") { Description = "Slots of a warm-up run (repeated for at least 1 s, up to 20 times) before the measured runs, not reported, so that the JIT has optimised the data path; 0 = none. Default 50.", DefaultValueFactory = _ => 50 };
        var config = new Option<string?>("--config") { Description = "JSON file with a \"Pipeline\" section (as the example's appsettings.json); switches override it." };
        var json = new Option<string?>("--json") { Description = "Write machine-readable results to this file." };
        var snrRange = new Option<string?>("--snr-range") { Description = "Sweep the SNR: FIRST:LAST:STEP in dB (one run per point)." };
        var plot = new Option<string?>("--plot") { Description = "With --snr-range: write BLER vs SNR (first transmission and after HARQ) to FILE.svg or FILE.png." };
        var sweepLcores = new Option<string?>("--sweep-lcores") { Description = "Sweep the lcore count: a comma-separated list." };
        var sweepBurst = new Option<string?>("--sweep-burst") { Description = "Sweep the burst size: a comma-separated list." };
        var repeat = new Option<int>("--repeat") { Description = "Run every point this many times, interleaved, and report each point's median run (by L1 throughput). Default 1.", DefaultValueFactory = _ => 1 };
        var throughputPlot = new Option<string?>("--throughput-plot") { Description = "With --sweep-lcores/--sweep-burst: write L1 throughput vs burst size (one curve per lcore count) or vs lcores to FILE.svg or FILE.png." };

        var command = new Command("pipeline", "Run the vRAN example's multi-cell LDPC pipeline: per-cell goodput, BLER before/after HARQ, slot processing times against the slot; SNR and throughput sweeps with plots.")
        {
            cells, slots, ues, tbs, mcs, mcsTable, modulation, prbs, symbols, dmrs, overhead, snr, device, lcores, burst, iterMax, maxTx, encodeMode, baseGraph, seed, slotUs, slotClock, llrGain, warmup,
            config, json, snrRange, plot, sweepLcores, sweepBurst, throughputPlot, repeat,
        };
        command.SetAction(parse =>
        {
            PipelineOptions options = LoadConfig(parse.GetValue(config));
            Set(parse.GetValue(cells), v => options.Cells = v);
            Set(parse.GetValue(slots), v => options.Slots = v);
            Set(parse.GetValue(ues), v => options.UesPerCell = v);
            int? tbsValue = parse.GetValue(tbs);
            int? mcsValue = parse.GetValue(mcs);
            if (tbsValue is not null && mcsValue is not null)
            {
                throw new ArgumentException($"--tbs {tbsValue} and --mcs {mcsValue} are exclusive: allowed one of them.");
            }

            Set(tbsValue, v => options.Tbs = v);
            Set(mcsValue, v => { options.Mcs = v; options.Tbs = 0; });
            Set(parse.GetValue(mcsTable), v => options.McsTable = ParseEnum<McsTable>("--mcs-table", v, ("qam64", McsTable.Qam64), ("qam256", McsTable.Qam256), ("qam64lowse", McsTable.Qam64LowSe)));
            Set(parse.GetValue(modulation), v => options.Modulation = ParseEnum<Modulation>("--modulation", v, ("qpsk", Modulation.Qpsk), ("16qam", Modulation.Qam16), ("64qam", Modulation.Qam64), ("256qam", Modulation.Qam256)));
            Set(parse.GetValue(prbs), v => options.Prbs = v);
            Set(parse.GetValue(symbols), v => options.Symbols = v);
            Set(parse.GetValue(dmrs), v => options.DmrsResourceElementsPerPrb = v);
            Set(parse.GetValue(overhead), v => options.Overhead = v);
            Set(parse.GetValue(snr), v => options.SnrDb = v);
            Set(parse.GetValue(device), v => options.Device = v);
            Set(parse.GetValue(lcores), v => options.Lcores = v);
            Set(parse.GetValue(burst), v => options.BurstSize = v);
            Set(parse.GetValue(iterMax), v => options.IterMax = v);
            Set(parse.GetValue(maxTx), v => options.MaxTransmissions = v);
            Set(parse.GetValue(encodeMode), v => options.EncodeMode = ParseEnum<EncodeMode>("--encode-mode", v, ("tb", EncodeMode.TransportBlock), ("cb", EncodeMode.CodeBlock), ("transportblock", EncodeMode.TransportBlock), ("codeblock", EncodeMode.CodeBlock)));
            Set(parse.GetValue(baseGraph), v => options.BaseGraph = v);
            Set(parse.GetValue(seed), v => options.Seed = v);
            Set(parse.GetValue(slotUs), v => options.SlotMicroseconds = v);
            Set(parse.GetValue(llrGain), v => options.LlrGain = v);
            Set(parse.GetValue(slotClock), v => options.SlotClock = ParseEnum<SlotClock>("--slot-clock", v, ("wall", SlotClock.Wall), ("cpu", SlotClock.ThreadCpu)));

            var sweep = new PipelineSweep
            {
                Snrs = parse.GetValue(snrRange) is { } range ? PipelineSweep.ParseSnrRange(range) : [],
                Lcores = parse.GetValue(sweepLcores) is { } l ? PipelineSweep.ParseList("--sweep-lcores", l, 1, PipelineOptionsValidator.MaxCells) : [],
                BurstSizes = parse.GetValue(sweepBurst) is { } b ? PipelineSweep.ParseList("--sweep-burst", b, 1, PipelineOptionsValidator.MaxBurstSize) : [],
            };
            var outputs = new PipelineOutputs(parse.GetValue(json), parse.GetValue(plot), parse.GetValue(throughputPlot))
            {
                WarmupSlots = parse.GetValue(warmup),
                Repetitions = parse.GetValue(repeat),
            };
            return Run(options, sweep, outputs, output);
        });
        return command;
    }

    internal static int Run(PipelineOptions options, PipelineSweep sweep, PipelineOutputs outputs, TextWriter output)
    {
        if (sweep.IsSnrSweep && sweep.IsThroughputSweep)
        {
            throw new ArgumentException("--snr-range cannot be combined with --sweep-lcores or --sweep-burst: allowed one kind of sweep per run.");
        }

        if (outputs.BlerPlot is not null)
        {
            if (!sweep.IsSnrSweep)
            {
                throw new ArgumentException($"--plot {outputs.BlerPlot} needs --snr-range: allowed only with an SNR sweep.");
            }

            // After the option checks, so that a machine without fonts still hears what is wrong with the command.
            PlotWriter.ValidatePath("--plot", outputs.BlerPlot);
        }

        if (outputs.ThroughputPlot is not null)
        {
            if (!sweep.IsThroughputSweep)
            {
                throw new ArgumentException($"--throughput-plot {outputs.ThroughputPlot} needs --sweep-lcores or --sweep-burst: allowed only with a throughput sweep.");
            }

            PlotWriter.ValidatePath("--throughput-plot", outputs.ThroughputPlot);
        }

        if (outputs.Repetitions is < 1 or > 100)
        {
            throw new ArgumentException($"--repeat {outputs.Repetitions} is out of range: allowed [1, 100].");
        }

        if (outputs.WarmupSlots is < 0 or > 100_000)
        {
            throw new ArgumentException($"--warmup-slots {outputs.WarmupSlots} is out of range: allowed [0, 100000].");
        }

        List<PipelineOptions> points = Points(options, sweep);
        foreach (PipelineOptions point in points)
        {
            ThrowIfInvalid(point);
        }

        using ServiceProvider provider = SdkHost.Build(o => o.ProbeBuses = true);
        DeviceRegistry registry = provider.Registry();
        BbdevDevice device = AcquireDevice(registry, options.Device, points.Max(p => p.Cells));
        IAnsiConsole console = ConsoleFactory.Create(output);
        bool interactive = ConsoleFactory.IsInteractive(output);
        Grant grant = Grant.Create(points[0]);
        console.WriteLine(Header(device, grant, points[0], sweep));
        if (outputs.WarmupSlots > 0)
        {
            // Tiered compilation recompiles the data path with profile data over its first second or so of calls;
            // DPDK's C has no such phase, so it stays out of the figures (repeat the warm-up run for at least 1 s).
            PipelineOptions warm = points[0].Clone();
            warm.Device = device.Name;
            warm.Slots = outputs.WarmupSlots;
            long warmStart = System.Diagnostics.Stopwatch.GetTimestamp();
            for (int i = 0; i < 20 && (i == 0 || System.Diagnostics.Stopwatch.GetElapsedTime(warmStart).TotalSeconds < 1); i++)
            {
                RunPoint(new L1Pipeline(Options.Create(warm), registry), null);
            }
        }

        // Each repetition runs every point once, so that a burst of load from elsewhere on the machine spreads over
        // the points instead of landing on one; each point then reports its median run (by L1 throughput).
        var runs = new List<PipelineResult>[points.Count];
        for (int repetition = 0; repetition < outputs.Repetitions; repetition++)
        {
            for (int p = 0; p < points.Count; p++)
            {
                PipelineOptions point = points[p];
                point.Device = device.Name;
                string label = PointLabel(point, sweep) + (outputs.Repetitions > 1 ? $"run {repetition + 1}/{outputs.Repetitions}: " : "");
                if (!interactive && label.Length > 0)
                {
                    console.WriteLine($"{label.TrimEnd(':', ' ')}:");
                }

                var progress = new PipelineProgress(point.Cells, point.Slots, interactive ? null : output, label);
                var pipeline = new L1Pipeline(Options.Create(point), registry);
                PipelineResult result = interactive ? RunLive(console, pipeline, progress, point, sweep) : RunPoint(pipeline, progress);
                (runs[p] ??= new List<PipelineResult>()).Add(result);
                if (sweep.IsSnrSweep || sweep.IsThroughputSweep)
                {
                    console.WriteLine(PipelineReport.PointLine(result, sweep));
                }
            }
        }

        List<PipelineResult> results = runs.Select(r => r.OrderBy(x => x.ProcessingMbps).ElementAt(r.Count / 2)).ToList();

        if (results.Count == 1)
        {
            console.Write(PipelineReport.CellTable(output, results[0]));
            console.WriteLine(PipelineReport.Totals(results[0]));
        }
        else
        {
            console.Write(PipelineReport.SweepTable(output, results, sweep));
        }

        if (outputs.Json is not null)
        {
            PipelineReport.WriteJson(outputs.Json, device, results, sweep);
        }

        if (outputs.BlerPlot is not null)
        {
            PipelineReport.WriteBlerPlot(outputs.BlerPlot, device, results);
            console.WriteLine($"BLER plot written to {outputs.BlerPlot}");
        }

        if (outputs.ThroughputPlot is not null)
        {
            PipelineReport.WriteThroughputPlot(outputs.ThroughputPlot, device, results, sweep);
            console.WriteLine($"Throughput plot written to {outputs.ThroughputPlot}");
        }

        return results.Any(r => r.Cells.Any(c => c.UndetectedErrors > 0)) ? AccelApp.ExitFailed : AccelApp.ExitOk;
    }

    private static PipelineResult RunPoint(L1Pipeline pipeline, IPipelineObserver? observer)
    {
        try
        {
            return pipeline.Run(observer);
        }
        catch (PipelineConfigurationException ex)
        {
            throw new ArgumentException(Describe(ex.Error));
        }
    }

    /// <summary>The one-line message for an invalid option, with the option named by its switch.</summary>
    internal static string Describe(PipelineOptionError error) =>
        Switches.TryGetValue(error.Option, out string? name) ? error.Format(name) : error.ToString();

    private static void ThrowIfInvalid(PipelineOptions options)
    {
        PipelineOptionError? error = PipelineOptionsValidator.Find(options);
        if (error is not null)
        {
            throw new ArgumentException(Describe(error));
        }
    }

    private static List<PipelineOptions> Points(PipelineOptions options, PipelineSweep sweep)
    {
        var points = new List<PipelineOptions>();
        if (sweep.IsSnrSweep)
        {
            foreach (double snr in sweep.Snrs)
            {
                PipelineOptions point = options.Clone();
                point.SnrDb = snr;
                points.Add(point);
            }
        }
        else if (sweep.IsThroughputSweep)
        {
            foreach (int lcores in sweep.Lcores.Count > 0 ? sweep.Lcores : [options.Lcores])
            {
                foreach (int burst in sweep.BurstSizes.Count > 0 ? sweep.BurstSizes : [options.BurstSize])
                {
                    PipelineOptions point = options.Clone();
                    point.Lcores = lcores;
                    point.BurstSize = burst;
                    points.Add(point);
                }
            }
        }
        else
        {
            points.Add(options.Clone());
        }

        return points;
    }

    private static PipelineResult RunLive(IAnsiConsole console, L1Pipeline pipeline, PipelineProgress progress, PipelineOptions options, PipelineSweep sweep)
    {
        PipelineResult? result = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                bool single = !sweep.IsSnrSweep && !sweep.IsThroughputSweep;
                ProgressTask[] tasks = single
                    ? Enumerable.Range(0, options.Cells).Select(c => ctx.AddTask($"cell {c}", maxValue: options.Slots)).ToArray()
                    : [ctx.AddTask(PointLabel(options, sweep).TrimEnd(':', ' '), maxValue: (double)options.Cells * options.Slots)];
                Task<PipelineResult> run = Task.Factory.StartNew(() => RunPoint(pipeline, progress), TaskCreationOptions.LongRunning);
                while (!run.Wait(100))
                {
                    Update(tasks, progress, single, options);
                }

                Update(tasks, progress, single, options);
                result = run.GetAwaiter().GetResult();
            });
        return result!;
    }

    private static void Update(ProgressTask[] tasks, PipelineProgress progress, bool single, PipelineOptions options)
    {
        if (single)
        {
            for (int c = 0; c < tasks.Length; c++)
            {
                tasks[c].Value = Math.Min(options.Slots, progress.SlotsDone(c));
                tasks[c].Description = Markup.Escape(progress.Describe(c));
            }
        }
        else
        {
            tasks[0].Value = progress.TotalSlotsDone();
        }
    }

    private static BbdevDevice AcquireDevice(DeviceRegistry registry, string name, int cells)
    {
        if (registry.TryGet(name, out IAccelDevice existing))
        {
            return existing as BbdevDevice ?? throw new ArgumentException($"--device {name} is a {existing.Class} device: allowed a baseband device.");
        }

        // A bus driver's name (baseband_qdma) selects the first device that driver probed, as in test-bbdev; virtual
        // device drivers create a device from the devargs below.
        if (!name.Contains(',', StringComparison.Ordinal)
            && !registry.Drivers.Any(d => d.Name == name || d.Aliases.Contains(name))
            && registry.Devices.FirstOrDefault(d => d.DriverName == name) is { } probed)
        {
            return probed as BbdevDevice ?? throw new ArgumentException($"--device {name}: device {probed.Name} is a {probed.Class} device: allowed a baseband device.");
        }

        string devargs = name;
        string driverName = name.Split(',')[0];
        IDeviceDriver? driver = registry.Drivers.FirstOrDefault(d => driverName.StartsWith(d.Name, StringComparison.Ordinal) || d.Aliases.Any(a => driverName.StartsWith(a, StringComparison.Ordinal)));
        if (driver is not null && !devargs.Contains("max_nb_queues=", StringComparison.Ordinal)
            && driver.ArgumentHelp.Any(h => h.StartsWith("max_nb_queues=", StringComparison.Ordinal)) && 2 * cells > 16)
        {
            // Two queues per cell: ask a software device for enough of them rather than failing on its default of 16.
            devargs += string.Create(CultureInfo.InvariantCulture, $",max_nb_queues={2 * cells}");
        }

        try
        {
            return registry.CreateVirtualDevice(devargs) as BbdevDevice ?? throw new ArgumentException($"--device {name} is not a baseband device: allowed a bbdev device or driver.");
        }
        catch (ArgumentException) when (driver is null)
        {
            string devices = string.Join(", ", registry.Devices.OfType<BbdevDevice>().Select(d => d.Name));
            string drivers = string.Join(", ", registry.Drivers.Where(d => d.Class == DeviceClass.Bbdev).Select(d => d.Name)
                .Concat(registry.Devices.OfType<BbdevDevice>().Select(d => d.DriverName)).Distinct());
            throw new ArgumentException($"--device {name} is unknown: allowed a bbdev device ({(devices.Length == 0 ? "none yet" : devices)}) or driver ({drivers})[,key=value...].");
        }
        catch (ArgumentException ex)
        {
            // No inner exception: the tool prints the innermost message, and this one names the option.
            throw new ArgumentException($"--device {name}: {ex.Message}");
        }
    }

    private static string Header(BbdevDevice device, Grant grant, PipelineOptions options, PipelineSweep sweep)
    {
        var layout = grant.Layout;
        string mcs = grant.Mcs is int m ? $"MCS {m} ({options.McsTable})" : "TBS given";
        return string.Create(CultureInfo.InvariantCulture,
            $"pipeline: device {device.Name} ({device.DriverName}; {device.Info.Engine}); {options.Cells} cell(s) x {options.UesPerCell} UE(s), {options.Slots} slots of {options.SlotMicroseconds} us, {(sweep.IsSnrSweep ? "SNR swept" : $"SNR {options.SnrDb} dB")}; "
            + $"{mcs}: TBS {grant.TransportBlockBits} bits, {grant.Modulation}, {grant.Prbs} PRBs, G {grant.CodedBits}, rate {grant.EffectiveCodeRate:F3}, BG{layout.BaseGraph}, C {layout.CodeBlocks}, Zc {layout.Zc}; "
            + $"{options.EncodeMode} encode, iter max {options.IterMax}, max {options.MaxTransmissions} tx, LLR gain {options.LlrGain}, slot times by {(options.SlotClock == SlotClock.Wall ? "wall clock" : "lcore thread CPU time")}; machine {PipelineReport.Machine()}");
    }

    private static string PointLabel(PipelineOptions point, PipelineSweep sweep) =>
        sweep.IsSnrSweep ? string.Create(CultureInfo.InvariantCulture, $"SNR {point.SnrDb:F2} dB: ")
        : sweep.IsThroughputSweep ? string.Create(CultureInfo.InvariantCulture, $"lcores {point.Lcores}, burst {point.BurstSize}: ")
        : "";

    private static PipelineOptions LoadConfig(string? path)
    {
        var options = new PipelineOptions();
        if (path is not null)
        {
            if (!File.Exists(path))
            {
                throw new ArgumentException($"--config {path} does not exist: allowed a JSON file with a \"{PipelineOptions.SectionName}\" section.");
            }

            IConfiguration configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false).Build();
            configuration.GetSection(PipelineOptions.SectionName).Bind(options);
        }

        return options;
    }

    private static T ParseEnum<T>(string option, string text, params (string Name, T Value)[] names)
        where T : struct, Enum
    {
        foreach ((string name, T value) in names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new ArgumentException($"{option} {text} is invalid: allowed {string.Join(", ", names.Select(n => n.Name).Distinct())}.");
    }

    private static void Set<T>(T? value, Action<T> apply)
        where T : struct
    {
        if (value is T v)
        {
            apply(v);
        }
    }

    private static void Set(string? value, Action<string> apply)
    {
        if (value is not null)
        {
            apply(value);
        }
    }
}
