namespace AccelSdk.Cli.Tests;

/// <summary><c>accel devices</c> and the UACCE bus: devices listed even with no class driver; no class directory is information.</summary>
public sealed class DevicesCommandUacceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("accel-uacce-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void EmptySysfsRoot_IsAnInformationalLine()
    {
        (int code, string output, string error) = CliRunner.Run("devices", "--uacce-sysfs-root", _root);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains($"UACCE: no devices in {_root}; 1 device model(s) hosted (qdma_fec-0).", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSysfsRoot_IsAnInformationalLine()
    {
        string missing = Path.Combine(_root, "class", "uacce");

        (int code, string output, string error) = CliRunner.Run("devices", "--uacce-sysfs-root", missing);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains($"UACCE: {missing} does not exist, so there are no kernel UACCE devices", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnclaimedDevice_IsListedWithItsAttributes_AndSkippedOnesWithTheirReason()
    {
        string device = Path.Combine(_root, "hisi_zip-0");
        Directory.CreateDirectory(Path.Combine(device, "device"));
        File.WriteAllText(Path.Combine(device, "api"), "hisi_qm_v5\n");
        File.WriteAllText(Path.Combine(device, "flags"), "1\n");
        File.WriteAllText(Path.Combine(device, "algorithms"), "zlib\ngzip\n");
        File.WriteAllText(Path.Combine(device, "available_instances"), "7\n");
        File.WriteAllText(Path.Combine(device, "region_mmio_size"), "8192\n");
        File.WriteAllText(Path.Combine(device, "region_dus_size"), "1069056\n");
        File.WriteAllText(Path.Combine(device, "device", "numa_node"), "0\n");
        Directory.CreateDirectory(Path.Combine(_root, "broken-1"));
        File.WriteAllText(Path.Combine(_root, "broken-1", "api"), "x_v1\n");
        File.WriteAllText(Path.Combine(_root, "broken-1", "algorithms"), "a\n");
        File.WriteAllText(Path.Combine(_root, "broken-1", "flags"), "abc\n");

        (int code, string output, string error) = CliRunner.Run("devices", "--uacce-sysfs-root", _root);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        string row = Assert.Single(output.Split('\n'), l => l.Contains("hisi_zip-0", StringComparison.Ordinal));
        foreach (string cell in new[] { "kernel", "hisi_qm_v5", "zlib, gzip", "SVA", "0x1", "7", "8192", "1069056", "(none)" })
        {
            Assert.Contains(cell, row, StringComparison.Ordinal);
        }

        Assert.Contains("UACCE: skipped broken-1: flags attribute 'abc' is not an unsigned 32-bit number.", output, StringComparison.Ordinal);
    }
}
