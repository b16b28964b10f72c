using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AccelSdk.Cli.DmaPerf;
using AccelSdk.Dma;
using AccelSdk.Dma.Models;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AccelSdk.Cli.Commands;

/// <summary>
/// <c>accel dma-perf</c>: copy bandwidth and rate of a DMA device for a range of sizes, burst (kick) sizes and vchan
/// counts, side by side with in-thread <c>Buffer.MemoryCopy</c> measured in the same run.
/// </summary>
internal static class DmaPerfCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var device = new Option<string?>("--device") { Description = "DMA device name, driver name (its first device) or devargs of a virtual device (dma_sw, dma_sw0,simd=128, hisi_zip-0-dma0, dma_uacce). Default dma_sw, or dma_uacce with --uacce-model." };
        var model = new Option<bool>("--uacce-model") { Description = "Host the in-process HiSilicon data-move model on the UACCE bus (its devices are hisi_zip-N-dma0), with queues as deep as --ring-size (a power of two in 128..32768)." };
        var sizes = new Option<string>("--sizes") { Description = "Copy sizes in bytes, comma-separated (K and M suffixes allowed).", DefaultValueFactory = _ => "64,256,1K,4K,16K,64K,256K,1M" };
        var bursts = new Option<string>("--burst") { Description = "Jobs per submit-and-harvest (kick batch), comma-separated.", DefaultValueFactory = _ => "32" };
        var vchans = new Option<string>("--vchans") { Description = "Vchan counts, comma-separated; jobs go to the vchans in turn.", DefaultValueFactory = _ => "1" };
        var ring = new Option<int>("--ring-size") { Description = "Ring size per vchan (clamped to the device's range).", DefaultValueFactory = _ => 4096 };
        var mem = new Option<int>("--mem-size") { Description = "Memory per side in MiB: the buffers cycled through (1..1024).", DefaultValueFactory = _ => 16 };
        var seconds = new Option<double>("--seconds") { Description = "Seconds per measurement (0.01..60).", DefaultValueFactory = _ => 0.25 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating CPU/DMA rounds per case (1..99); bandwidths are medians, the ratio is the median of the rounds' ratios.", DefaultValueFactory = _ => 7 };
        var noVerify = new Option<bool>("--no-verify") { Description = "Skip checking the destinations after each DMA run." };
        var json = new Option<string?>("--json") { Description = "Write machine-readable results to this file." };
        var command = new Command("dma-perf", "Measure DMA copy bandwidth (GB/s) and rate (Mops) against in-thread Buffer.MemoryCopy, after DPDK's test-dma-perf.")
        {
            device, model, sizes, bursts, vchans, ring, mem, seconds, rounds, noVerify, json,
        };
        command.SetAction(parse =>
        {
            var options = new DmaPerfOptions
            {
                Device = parse.GetValue(device) ?? (parse.GetValue(model) ? "dma_uacce" : "dma_sw"),
                UacceModel = parse.GetValue(model),
                Sizes = ParseList(parse.GetValue(sizes), "--sizes", 1, 1 << 30),
                Bursts = ParseList(parse.GetValue(bursts), "--burst", 1, 4096),
                Vchans = ParseList(parse.GetValue(vchans), "--vchans", 1, 64),
                RingSize = Require(parse.GetValue(ring), "--ring-size", 1, 1 << 20),
                MemSizeMiB = Require(parse.GetValue(mem), "--mem-size", 1, 1024),
                Seconds = parse.GetValue(seconds) is var s && s >= 0.01 && s <= 60 ? s : throw new ArgumentException($"--seconds {s} is out of range: allowed [0.01, 60]."),
                Rounds = Require(parse.GetValue(rounds), "--rounds", 1, 99),
                Verify = !parse.GetValue(noVerify),
                JsonPath = parse.GetValue(json),
            };
            return Run(options, output, error);
        });
        return command;
    }

    internal static int Run(DmaPerfOptions options, TextWriter output, TextWriter error)
    {
        using ServiceProvider provider = SdkHost.Build(
            o => o.ProbeBuses = options.UacceModel,
            o =>
            {
                if (options.UacceModel)
                {
                    o.ScanKernelDevices = false;
                    // The model's queue depth is the device's only ring size: give it the one asked for.
                    int depth = (int)Math.Clamp(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)options.RingSize), 128, 32768);
                    o.AddModel(() => new HisiDmaModel(new HisiDmaModelOptions { Depth = depth }));
                }
            });
        IAnsiConsole console = ConsoleFactory.Create(output);
        using var runner = new DmaPerfRunner(options, provider.Registry());
        DmaDeviceInfo info = runner.Device.GetInfo();
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dma-perf: device {info.Name} ({info.DriverName}; {info.Engine}); {Environment.ProcessorCount} CPUs; {options.MemSizeMiB} MiB per side, ring {options.RingSize}, {options.Seconds:0.###} s x {options.Rounds} rounds (memcpy and DMA back to back); medians, ratio = median of the rounds' ratios"));
        var results = new List<DmaPerfResult>();
        Table table = ConsoleFactory.NewTable(output, "Size", "Burst", "Vchans", "DMA GB/s", "DMA Mops", "memcpy GB/s", "memcpy Mops", "DMA/memcpy", "Data");
        foreach (int vchanCount in options.Vchans)
        {
            foreach (int burst in options.Bursts)
            {
                foreach (int size in options.Sizes)
                {
                    DmaPerfResult r = runner.Run(size, burst, vchanCount);
                    results.Add(r);
                    table.AddRow(
                        FormatSize(size),
                        burst.ToString(CultureInfo.InvariantCulture),
                        vchanCount.ToString(CultureInfo.InvariantCulture),
                        r.DmaGBps.ToString("0.00", CultureInfo.InvariantCulture),
                        r.DmaMops.ToString("0.000", CultureInfo.InvariantCulture),
                        r.CpuGBps.ToString("0.00", CultureInfo.InvariantCulture),
                        r.CpuMops.ToString("0.000", CultureInfo.InvariantCulture),
                        r.Ratio.ToString("0.00", CultureInfo.InvariantCulture),
                        !options.Verify ? "not checked" : r.Verified ? "ok" : "[red]MISMATCH[/]");
                }
            }
        }

        console.Write(table);
        foreach (DmaPerfResult r in results.Where(r => r.Size == 4096))
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"4 KiB copies, burst {r.Burst}, {r.Vchans} vchan(s): DMA {r.DmaGBps:0.00} GB/s = {r.Ratio:0.00}x in-thread Buffer.MemoryCopy ({r.CpuGBps:0.00} GB/s); goal >= 0.80x: {(r.Ratio >= 0.8 ? "met" : "not met")}"));
        }

        if (options.JsonPath is not null)
        {
            var document = new
            {
                tool = "accel dma-perf",
                device = info.Name,
                driver = info.DriverName,
                engine = info.Engine,
                machine = new { Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = Environment.Version.ToString() },
                options,
                results = results.Select(r => new { r.Size, r.Burst, r.Vchans, r.Buffers, r.DmaGBps, r.DmaMops, r.CpuGBps, r.CpuMops, r.Ratio, r.DmaRoundsGBps, r.CpuRoundsGBps, r.Verified }),
            };
            File.WriteAllText(options.JsonPath, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
        }

        if (results.Any(r => options.Verify && !r.Verified))
        {
            error.WriteLine("accel dma-perf: a destination differed from its source after a DMA run.");
            return AccelApp.ExitFailed;
        }

        return AccelApp.ExitOk;
    }

    private static string FormatSize(int size) => size switch
    {
        >= 1 << 20 when size % (1 << 20) == 0 => $"{size >> 20} MiB",
        >= 1 << 10 when size % (1 << 10) == 0 => $"{size >> 10} KiB",
        _ => $"{size} B",
    };

    private static List<int> ParseList(string? text, string option, int min, int max)
    {
        var values = new List<int>();
        foreach (string part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string digits = part;
            int scale = 1;
            if (part.EndsWith('K') || part.EndsWith('k'))
            {
                (digits, scale) = (part[..^1], 1 << 10);
            }
            else if (part.EndsWith('M') || part.EndsWith('m'))
            {
                (digits, scale) = (part[..^1], 1 << 20);
            }

            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value * scale < min || value * scale > max)
            {
                throw new ArgumentException($"{option}: '{part}' is not a number in [{min}, {max}].");
            }

            values.Add((int)(value * scale));
        }

        return values.Count > 0 ? values : throw new ArgumentException($"{option}: give at least one value.");
    }

    private static int Require(int value, string option, int min, int max) =>
        value >= min && value <= max ? value : throw new ArgumentException($"{option} {value} is out of range: allowed [{min}, {max}].");
}
