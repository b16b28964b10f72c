namespace AccelSdk.Cli.Tests;

/// <summary>The CLI hosts one emulated QDMA FEC card: <c>accel devices</c> lists it, <c>test-bbdev --device baseband_qdma</c> runs on it.</summary>
public sealed class BasebandQdmaCliTests
{
    [Fact]
    public void Devices_ListsTheEmulatedCard_ClaimedByBasebandQdma()
    {
        (int code, string output, string error) = CliRunner.Run("devices");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        string bbdev = Assert.Single(output.Split('\n'), l => l.Contains("| qdma_fec-0 ", StringComparison.Ordinal) && l.Contains("bbdev", StringComparison.Ordinal));
        Assert.Contains("baseband_qdma", bbdev, StringComparison.Ordinal);
        Assert.Contains("uacce:qdma_fec-0", bbdev, StringComparison.Ordinal);
        string uacce = Assert.Single(output.Split('\n'), l => l.Contains("qdma_fec_v1", StringComparison.Ordinal) && l.Contains("model", StringComparison.Ordinal));
        Assert.Contains("ldpc_enc, ldpc_dec", uacce, StringComparison.Ordinal);
        Assert.Contains("baseband_qdma: qdma_fec-0", uacce, StringComparison.Ordinal);
    }

    [Fact]
    public void TestBbdev_OnBasebandQdma_ValidatesAnLdpcVector()
    {
        string? directory = ConformanceDirectory();
        if (directory is null)
        {
            Assert.Skip("DPDK bbdev conformance vectors not found: expected <repo root>/../shared/conformance/bbdev next to the folder holding AccelSdk.sln.");
        }

        (int code, string output, string error) = CliRunner.Run(
            "test-bbdev", "-v", Path.Combine(directory, "ldpc_dec_v7813.data"), Path.Combine(directory, "ldpc_enc_v7813.data"),
            "-c", "validation,offload", "-n", "64", "--device", "baseband_qdma");

        Assert.True(code == 0, output + error);
        Assert.Contains("device qdma_fec-0 (baseband_qdma;", output, StringComparison.Ordinal);
        Assert.Contains("4 passed, 0 failed, 0 skipped", output, StringComparison.Ordinal);
        Assert.Contains("ns/op", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TestBbdev_SimdChoice_IsRefusedForTheCard()
    {
        string? directory = ConformanceDirectory();
        if (directory is null)
        {
            Assert.Skip("DPDK bbdev conformance vectors not found: expected <repo root>/../shared/conformance/bbdev next to the folder holding AccelSdk.sln.");
        }

        (int code, _, string error) = CliRunner.Run("test-bbdev", "-v", Path.Combine(directory, "ldpc_enc_v7813.data"), "--device", "baseband_qdma", "--simd", "128");
        Assert.NotEqual(0, code);
        Assert.Contains("baseband_qdma has no SIMD choice", error, StringComparison.Ordinal);
    }

    private static string? ConformanceDirectory()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AccelSdk.sln")))
            {
                string candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "bbdev"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
