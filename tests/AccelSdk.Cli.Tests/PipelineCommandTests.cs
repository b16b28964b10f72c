using System.Text.Json;

namespace AccelSdk.Cli.Tests;

public sealed class PipelineCommandTests
{
    [Fact]
    public void SmallRun_PrintsPerCellTableAndWritesJson()
    {
        string json = Path.Combine(Path.GetTempPath(), $"accel-pipeline-{Guid.NewGuid():N}.json");
        try
        {
            (int code, string output, string error) = CliRunner.Run("pipeline", "--cells", "2", "--slots", "4", "--tbs", "1000", "--prbs", "10", "--snr", "30", "--json", json);
            Assert.True(code == 0, error);
            Assert.Contains("Goodput Mbit/s", output, StringComparison.Ordinal);
            Assert.Contains("BLER after HARQ", output, StringComparison.Ordinal);
            Assert.Contains("TBS 1000 bits", output, StringComparison.Ordinal);
            Assert.Contains("slot 4/4", output, StringComparison.Ordinal); // plain progress lines when redirected

            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(json));
            JsonElement run = Assert.Single(document.RootElement.GetProperty("runs").EnumerateArray());
            Assert.Equal(2, run.GetProperty("cells").GetArrayLength());
            foreach (JsonElement cell in run.GetProperty("cells").EnumerateArray())
            {
                Assert.Equal(4, cell.GetProperty("TransportBlocks").GetInt32());
                Assert.Equal(0, cell.GetProperty("Dropped").GetInt32());
                Assert.Equal(4, cell.GetProperty("SlotTimes").GetProperty("Count").GetInt32());
            }

            Assert.Equal(1000, document.RootElement.GetProperty("grant").GetProperty("tbs").GetInt32());
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public void BusDriverName_SelectsTheDeviceItProbed()
    {
        // baseband_qdma is a bus driver: its name picks the emulated card the host probed (qdma_fec-0); LLRs go in the
        // card's format (S8.3) with no extra gain.
        (int code, string output, string error) = CliRunner.Run("pipeline", "--cells", "1", "--slots", "3", "--tbs", "1000", "--prbs", "10",
            "--device", "baseband_qdma", "--warmup-slots", "0");
        Assert.True(code == 0, error);
        Assert.Contains("device qdma_fec-0 (baseband_qdma", output, StringComparison.Ordinal);
        Assert.Contains("LLR gain 1,", output, StringComparison.Ordinal);
        Assert.Contains("slot 3/3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeat_RunsEveryPointThatOftenInterleaved_AndReportsOneResultPerPoint()
    {
        string json = Path.Combine(Path.GetTempPath(), $"accel-repeat-{Guid.NewGuid():N}.json");
        try
        {
            (int code, string output, string error) = CliRunner.Run("pipeline", "--cells", "1", "--slots", "2", "--tbs", "1000", "--prbs", "10",
                "--snr-range", "20:21:1", "--repeat", "3", "--warmup-slots", "0", "--json", json);
            Assert.True(code == 0, error);
            string[] runs = output.Split('\n').Where(l => l.StartsWith("SNR ", StringComparison.Ordinal) && l.Contains("run ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(':')).ToArray();
            Assert.Equal(["SNR 20.00 dB: run 1/3:", "SNR 21.00 dB: run 1/3:", "SNR 20.00 dB: run 2/3:", "SNR 21.00 dB: run 2/3:", "SNR 20.00 dB: run 3/3:", "SNR 21.00 dB: run 3/3:"],
                runs.Select(l => l.TrimEnd()).ToArray());
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(json));
            Assert.Equal(2, document.RootElement.GetProperty("runs").GetArrayLength());
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Theory]
    [InlineData("--cells 0", "--cells 0 is out of range: allowed [1, 64].")]
    [InlineData("--mcs 28", "--mcs 28 is out of range: allowed [0, 27] for MCS table Qam256.")]
    [InlineData("--mcs 29 --mcs-table qam64", "--mcs 29 is out of range: allowed [0, 28] for MCS table Qam64.")]
    [InlineData("--tbs 2000000 --base-graph 2 --prbs 275 --modulation 256qam", "--tbs 2000000 is out of range: allowed [24, 976872] for LDPC base graph 2")]
    [InlineData("--device baseband_nope", "--device baseband_nope is unknown: allowed a bbdev device")]
    [InlineData("--device baseband_null", "--device baseband_null0 cannot run the pipeline")]
    [InlineData("--tbs 1000 --mcs 3", "--tbs 1000 and --mcs 3 are exclusive")]
    [InlineData("--snr-range 3:1:0.5", "--snr-range 3:1:0.5 is out of range")]
    [InlineData("--plot bler.svg", "--plot bler.svg needs --snr-range")]
    [InlineData("--snr-range 1:2:1 --plot bler.pdf", "--plot bler.pdf has an unsupported extension: allowed .png or .svg.")]
    [InlineData("--lcores 3", "--lcores 3 is out of range: allowed [1, 2] (one lcore serves at least one cell).")]
    [InlineData("--repeat 0", "--repeat 0 is out of range: allowed [1, 100].")]
    [InlineData("--llr-gain 0", "--llr-gain 0 is out of range: allowed (0, 64]")]
    public void BadConfiguration_IsOneLineNamingOptionValueAndRange(string arguments, string expected)
    {
        (int code, _, string error) = CliRunner.Run(["pipeline", "--slots", "1", .. arguments.Split(' ')]);
        Assert.Equal(2, code);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("accel: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void SnrSweep_RendersTheBlerPlotHeadless_AsSvgAndPng()
    {
        PlotFonts.SkipWhenMissing();
        string directory = Path.Combine(Path.GetTempPath(), $"accel-plots-{Guid.NewGuid():N}");
        try
        {
            string svg = Path.Combine(directory, "bler.svg");
            string png = Path.Combine(directory, "bler.png");
            string[] common = ["pipeline", "--cells", "1", "--slots", "6", "--tbs", "2000", "--prbs", "12", "--snr-range", "2:3.5:0.5"];
            (int code, string output, string error) = CliRunner.Run([.. common, "--plot", svg]);
            Assert.True(code == 0, error);
            Assert.Contains("SNR 3.50 dB", output, StringComparison.Ordinal);
            string text = File.ReadAllText(svg);
            Assert.Contains("<svg", text, StringComparison.Ordinal);
            Assert.Contains("BLER", text, StringComparison.Ordinal);

            (code, _, error) = CliRunner.Run([.. common, "--plot", png]);
            Assert.True(code == 0, error);
            byte[] bytes = File.ReadAllBytes(png);
            Assert.True(bytes.Length > 5000, $"PNG of {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void ThroughputSweep_WritesTheThroughputPlot()
    {
        PlotFonts.SkipWhenMissing();
        string png = Path.Combine(Path.GetTempPath(), $"accel-throughput-{Guid.NewGuid():N}.png");
        try
        {
            (int code, string output, string error) = CliRunner.Run("pipeline", "--cells", "2", "--slots", "3", "--tbs", "1000", "--prbs", "10",
                "--sweep-lcores", "1,2", "--sweep-burst", "1,4", "--throughput-plot", png, "--slot-clock", "cpu");
            Assert.True(code == 0, error);
            Assert.Contains("lcores 2, burst 4", output, StringComparison.Ordinal);
            Assert.Contains("L1 Mbit/s", output, StringComparison.Ordinal);
            Assert.True(new FileInfo(png).Length > 5000);
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Fact]
    public void ConfigFile_IsReadAndSwitchesOverrideIt()
    {
        string config = Path.Combine(Path.GetTempPath(), $"accel-pipeline-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(config, """{ "Pipeline": { "Cells": 3, "Slots": 2, "Tbs": 1000, "Prbs": 10, "UesPerCell": 2 } }""");
            (int code, string output, string error) = CliRunner.Run("pipeline", "--config", config, "--cells", "1");
            Assert.True(code == 0, error);
            Assert.Contains("1 cell(s) x 2 UE(s)", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }
}
