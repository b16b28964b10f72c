using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using AccelSdk.Bbdev;
using AccelSdk.Cli.Plots;
using Spectre.Console;
using VranPipeline.Pipeline;

namespace AccelSdk.Cli.Pipeline;

/// <summary>Tables, JSON and plots of <c>accel pipeline</c> results.</summary>
internal static class PipelineReport
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>The machine in one phrase: CPU model, logical CPUs, load, OS, runtime.</summary>
    public static string Machine()
    {
        string cpu = "unknown CPU";
        try
        {
            string? line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
            if (line is not null)
            {
                cpu = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }

        string load = "";
        try
        {
            if (File.Exists("/proc/loadavg"))
            {
                load = ", load " + File.ReadAllText("/proc/loadavg").Split(' ')[0];
            }
        }
        catch (IOException)
        {
        }

        return $"{cpu}, {Environment.ProcessorCount} logical CPUs{load}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    public static Table CellTable(TextWriter output, PipelineResult result)
    {
        Table table = ConsoleFactory.NewTable(output, "Cell", "Lcore", "Queues", "TBs", "Goodput Mbit/s", "BLER 1st tx", "BLER after HARQ", "Recovered", "Undetected",
            "Slot median us", "p99 us", "max us", $"Over {result.Options.SlotMicroseconds:0.#} us");
        foreach (CellResult cell in result.Cells)
        {
            table.AddRow(
                Text(cell.Cell), Text(cell.Lcore), $"{cell.EncodeQueue}/{cell.DecodeQueue}", Text(cell.TransportBlocks), Text(cell.GoodputMbps, "F1"),
                Percent(cell.FirstTransmissionBler), Percent(cell.ResidualBler), Text(cell.RecoveredByHarq), Text(cell.UndetectedErrors),
                Text(cell.SlotTimes.MedianMicroseconds, "F0"), Text(cell.SlotTimes.P99Microseconds, "F0"), Text(cell.SlotTimes.MaxMicroseconds, "F0"),
                $"{cell.SlotTimes.Missed} of {cell.SlotTimes.Count}");
        }

        return table;
    }

    public static string Totals(PipelineResult result) => string.Create(CultureInfo.InvariantCulture,
        $"total: {result.DeliveredBits} bits delivered, goodput {result.GoodputMbps:F1} Mbit/s over the air, BLER {result.FirstTransmissionBler:P2} first transmission / {result.ResidualBler:P2} after HARQ{Environment.NewLine}"
        + $"L1 throughput {result.ProcessingMbps:F1} Mbit/s (delivered bits / busiest lcore's slot processing time, {result.BusiestLcoreSeconds:F3} s); wall {result.WallSeconds:F2} s");

    public static string PointLine(PipelineResult result, PipelineSweep sweep)
    {
        SlotTimeStatisticsSummary slots = Summarise(result);
        string point = sweep.IsSnrSweep
            ? string.Create(CultureInfo.InvariantCulture, $"SNR {result.Options.SnrDb:F2} dB")
            : string.Create(CultureInfo.InvariantCulture, $"lcores {result.Options.Lcores}, burst {result.Options.BurstSize}");
        return string.Create(CultureInfo.InvariantCulture,
            $"  {point}: BLER {result.FirstTransmissionBler:P2} / {result.ResidualBler:P2} after HARQ, goodput {result.GoodputMbps:F1} Mbit/s, L1 {result.ProcessingMbps:F1} Mbit/s, slot median {slots.Median:F0} us, p99 {slots.P99:F0} us, {slots.Missed} of {slots.Count} over");
    }

    public static Table SweepTable(TextWriter output, IReadOnlyList<PipelineResult> results, PipelineSweep sweep)
    {
        Table table = ConsoleFactory.NewTable(output, sweep.IsSnrSweep ? "SNR dB" : "Lcores", sweep.IsSnrSweep ? "TBs" : "Burst", "BLER 1st tx", "BLER after HARQ",
            "Goodput Mbit/s", "L1 Mbit/s", "Slot median us", "p99 us", "max us", "Over deadline");
        foreach (PipelineResult r in results)
        {
            SlotTimeStatisticsSummary slots = Summarise(r);
            table.AddRow(
                sweep.IsSnrSweep ? Text(r.Options.SnrDb, "F2") : Text(r.Options.Lcores),
                sweep.IsSnrSweep ? Text(r.Cells.Sum(c => c.TransportBlocks)) : Text(r.Options.BurstSize),
                Percent(r.FirstTransmissionBler), Percent(r.ResidualBler), Text(r.GoodputMbps, "F1"), Text(r.ProcessingMbps, "F1"),
                Text(slots.Median, "F0"), Text(slots.P99, "F0"), Text(slots.Max, "F0"), $"{slots.Missed} of {slots.Count}");
        }

        return table;
    }

    public static void WriteJson(string path, BbdevDevice device, IReadOnlyList<PipelineResult> results, PipelineSweep sweep)
    {
        PipelineResult first = results[0];
        var layout = first.Grant.Layout;
        var document = new
        {
            tool = "accel pipeline",
            device = device.Name,
            driver = device.DriverName,
            engine = device.Info.Engine,
            machine = new { description = Machine(), Environment.ProcessorCount, os = RuntimeInformation.OSDescription, runtime = Environment.Version.ToString() },
            options = first.Options,
            sweep = new { snrDb = sweep.Snrs, lcores = sweep.Lcores, burstSizes = sweep.BurstSizes },
            grant = new
            {
                tbs = first.Grant.TransportBlockBits,
                mcs = first.Grant.Mcs,
                modulation = first.Grant.Modulation,
                targetCodeRate = first.Grant.TargetCodeRate,
                effectiveCodeRate = first.Grant.EffectiveCodeRate,
                prbs = first.Grant.Prbs,
                codedBits = first.Grant.CodedBits,
                baseGraph = layout.BaseGraph,
                codeBlocks = layout.CodeBlocks,
                kPrime = layout.KPrime,
                zc = layout.Zc,
                fillers = layout.FillerBits,
                ncb = layout.Ncb,
                ea = layout.Ea,
                eb = layout.Eb,
                cab = layout.Cab,
                tbCrc = layout.TransportBlockCrc.ToString(),
            },
            runs = results.Select(r => new
            {
                snrDb = r.Options.SnrDb,
                lcores = r.Options.Lcores,
                burstSize = r.Options.BurstSize,
                wallSeconds = r.WallSeconds,
                busiestLcoreSeconds = r.BusiestLcoreSeconds,
                processingMbps = r.ProcessingMbps,
                goodputMbps = r.GoodputMbps,
                deliveredBits = r.DeliveredBits,
                firstTransmissionBler = r.FirstTransmissionBler,
                residualBler = r.ResidualBler,
                cells = r.Cells.Select(c => new
                {
                    c.Cell,
                    c.Lcore,
                    c.EncodeQueue,
                    c.DecodeQueue,
                    c.SlotsRun,
                    c.TransportBlocks,
                    c.FirstTransmissionFailures,
                    c.RecoveredByHarq,
                    c.Dropped,
                    c.UndetectedErrors,
                    c.Transmissions,
                    c.DeliveredBits,
                    c.GoodputMbps,
                    c.FirstTransmissionBler,
                    c.ResidualBler,
                    c.SlotTimes,
                    c.Ues,
                }),
            }),
        };
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(document, s_json));
    }

    public static void WriteBlerPlot(string path, BbdevDevice device, IReadOnlyList<PipelineResult> results)
    {
        double[] snr = results.Select(r => r.Options.SnrDb).ToArray();
        int maxTx = results[0].Options.MaxTransmissions;
        PlotWriter.WriteBler(path, Title("BLER", device, results[0]),
        [
            new PlotSeries("after the first transmission", snr, results.Select(r => r.FirstTransmissionBler).ToArray()),
            new PlotSeries($"after HARQ (up to {maxTx} transmissions, rv 0-2-3-1)", snr, results.Select(r => r.ResidualBler).ToArray()),
        ]);
    }

    public static void WriteThroughputPlot(string path, BbdevDevice device, IReadOnlyList<PipelineResult> results, PipelineSweep sweep)
    {
        var series = new List<PlotSeries>();
        string xLabel;
        if (sweep.BurstSizes.Count > 0)
        {
            xLabel = "Burst size (ops per enqueue)";
            foreach (IGrouping<int, PipelineResult> group in results.GroupBy(r => r.Options.Lcores))
            {
                series.Add(new PlotSeries(string.Create(CultureInfo.InvariantCulture, $"{group.Key} lcore(s)"),
                    group.Select(r => (double)r.Options.BurstSize).ToArray(), group.Select(r => r.ProcessingMbps).ToArray()));
            }
        }
        else
        {
            xLabel = "Lcores (worker threads)";
            series.Add(new PlotSeries(string.Create(CultureInfo.InvariantCulture, $"burst {results[0].Options.BurstSize}"),
                results.Select(r => (double)r.Options.Lcores).ToArray(), results.Select(r => r.ProcessingMbps).ToArray()));
        }

        PlotWriter.WriteThroughput(path, Title("L1 throughput", device, results[0]), xLabel, series);
    }

    private static string Title(string what, BbdevDevice device, PipelineResult result)
    {
        var g = result.Grant;
        string mcs = g.Mcs is int m ? $"MCS {m}, " : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"accel pipeline {what}: {device.DriverName}, {result.Options.Cells} cell(s), {mcs}TBS {g.TransportBlockBits}, {g.Modulation}, C {g.Layout.CodeBlocks}, {result.Options.Slots} slots");
    }

    private static SlotTimeStatisticsSummary Summarise(PipelineResult result)
    {
        // Across cells: the worst cell's median and p99 (a DU must meet the slot in every cell), missed slots summed.
        return new SlotTimeStatisticsSummary(
            result.Cells.Max(c => c.SlotTimes.MedianMicroseconds),
            result.Cells.Max(c => c.SlotTimes.P99Microseconds),
            result.Cells.Max(c => c.SlotTimes.MaxMicroseconds),
            result.Cells.Sum(c => c.SlotTimes.Missed),
            result.Cells.Sum(c => c.SlotTimes.Count));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(double value) => (value * 100).ToString("F2", CultureInfo.InvariantCulture) + " %";

    private readonly record struct SlotTimeStatisticsSummary(double Median, double P99, double Max, int Missed, int Count);
}
