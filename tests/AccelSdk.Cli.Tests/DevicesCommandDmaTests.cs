namespace AccelSdk.Cli.Tests;

/// <summary><c>accel devices</c> with the DMA drivers: dma_sw devices are listed, and dma_uacce's probe outcome on a UACCE device is shown.</summary>
public sealed class DevicesCommandDmaTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("accel-uacce-dma-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void SoftwareDmaDevice_IsListed()
    {
        (int code, string output, string error) = CliRunner.Run("devices", "--vdev", "dma_sw0,max_vchans=2", "--uacce-sysfs-root", _root);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        string row = Assert.Single(output.Split('\n'), l => l.StartsWith("| dma_sw0", StringComparison.Ordinal));
        Assert.Contains("| dma ", row, StringComparison.Ordinal);
        Assert.Contains("| vdev", row, StringComparison.Ordinal);
    }

    [Fact]
    public void KernelDataMoveDevice_WithoutCharacterDevice_ShowsTheDriversReason()
    {
        string device = Path.Combine(_root, "hisi_zip-0");
        Directory.CreateDirectory(Path.Combine(device, "device"));
        File.WriteAllText(Path.Combine(device, "api"), "hisi_qm_v5\n");
        File.WriteAllText(Path.Combine(device, "flags"), "1\n");
        File.WriteAllText(Path.Combine(device, "algorithms"), "udma\nzlib\n");
        File.WriteAllText(Path.Combine(device, "available_instances"), "7\n");
        File.WriteAllText(Path.Combine(device, "region_mmio_size"), "8192\n");
        File.WriteAllText(Path.Combine(device, "region_dus_size"), "1069056\n");

        (int code, string output, string error) = CliRunner.Run("devices", "--uacce-sysfs-root", _root);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("| hisi_zip-0", output, StringComparison.Ordinal);
        // The reason may wrap inside its table cell: join the last cells of the table's lines before looking for it.
        string lastCells = System.Text.RegularExpressions.Regex.Replace(
            string.Join(' ', output.Split('\n').Select(l => l.Trim().TrimEnd('|').Split('|')[^1].Trim())), @"\s+", " ");
        Assert.Contains("dma_uacce failed: UACCE device hisi_zip-0: cannot open queue", lastCells, StringComparison.Ordinal);
        Assert.Contains("hisi_qm_v5 [udma] (and later versions)", output, StringComparison.Ordinal);
    }
}
