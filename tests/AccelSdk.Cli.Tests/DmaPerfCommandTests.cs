namespace AccelSdk.Cli.Tests;

/// <summary><c>accel dma-perf</c>: a short run per driver prints the table and the 4 KiB verdict; bad options are one-line errors.</summary>
public sealed class DmaPerfCommandTests
{
    [Fact]
    public void SoftwareDevice_ShortRun_PrintsBandwidthTableAndVerdict()
    {
        string json = Path.Combine(Path.GetTempPath(), $"dma-perf-{Guid.NewGuid():N}.json");
        try
        {
            (int code, string output, string error) = CliRunner.Run(
                "dma-perf", "--sizes", "64,4K", "--burst", "8,32", "--vchans", "1,2", "--mem-size", "1", "--seconds", "0.02", "--rounds", "1", "--json", json);
            Assert.True(code == 0, error);
            Assert.Contains("device dma_sw0 (dma_sw;", output, StringComparison.Ordinal);
            Assert.Contains("DMA/memcpy", output, StringComparison.Ordinal);
            Assert.Contains("| 4 KiB", output, StringComparison.Ordinal);
            Assert.Contains("4 KiB copies, burst 32, 2 vchan(s): DMA", output, StringComparison.Ordinal);
            Assert.DoesNotContain("MISMATCH", output, StringComparison.Ordinal);
            string document = File.ReadAllText(json);
            Assert.Contains("\"tool\": \"accel dma-perf\"", document, StringComparison.Ordinal);
            Assert.Contains("\"Verified\": true", document, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public void UacceModel_ShortRun_UsesTheQueueDevice()
    {
        (int code, string output, string error) = CliRunner.Run(
            "dma-perf", "--uacce-model", "--sizes", "4K", "--mem-size", "1", "--seconds", "0.02", "--rounds", "1");
        Assert.True(code == 0, error);
        Assert.Contains("-dma0 (dma_uacce; UACCE model hisi_zip-", output, StringComparison.Ordinal);
        Assert.Contains("| ok", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--sizes", "0", "--sizes")]
    [InlineData("--vchans", "99", "--vchans")]
    [InlineData("--mem-size", "0", "--mem-size")]
    [InlineData("--device", "baseband_null", "not a DMA device")]
    public void BadOptions_AreOneLineErrors(string option, string value, string named)
    {
        string[] sizes = option == "--sizes" ? [] : ["--sizes", "64"];
        (int code, _, string error) = CliRunner.Run(["dma-perf", option, value, "--seconds", "0.01", "--rounds", "1", .. sizes]);
        Assert.Equal(2, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
