using AccelSdk.Uacce.Tests.Infrastructure;

namespace AccelSdk.Uacce.Tests.Discovery;

/// <summary>The sysfs scan and attribute parser on synthetic class directories.</summary>
public sealed class SysfsScanTests : IDisposable
{
    private readonly SysfsTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void CompleteDevice_HasEveryAttributeParsed()
    {
        string directory = _tree.AddDevice("hisi_zip-0");

        UacceScanResult scan = Scan();

        Assert.True(scan.SysfsRootExists);
        Assert.Empty(scan.Skipped);
        Assert.Empty(scan.Warnings);
        UacceDevice device = Assert.Single(scan.Devices);
        Assert.Equal("hisi_zip-0", device.Name);
        Assert.Equal(UacceDeviceOrigin.Kernel, device.Origin);
        Assert.Equal("hisi_qm_v5", device.Api);
        Assert.Equal("hisi_qm_v5", device.RawApi);
        Assert.Equal(5, device.ApiVersion);
        Assert.Equal(["udma", "zlib", "gzip"], device.Algorithms);
        Assert.Equal(UacceDeviceFlags.Sva, device.Flags);
        Assert.Equal(UacceAddressMode.Sva, device.AddressMode);
        Assert.Equal(3, device.AvailableInstances);
        Assert.Equal(8192, device.MmioRegionSize);
        Assert.Equal(1069056, device.DusRegionSize);
        Assert.Equal(1, device.NumaNode);
        Assert.False(device.Isolated);
        Assert.Equal(0, device.IsolateStrategy);
        Assert.Equal(directory, device.SysfsPath);
        Assert.Equal(Path.Combine(_tree.DevRoot, "hisi_zip-0"), device.CharDevicePath);
        Assert.Equal("uacce:hisi_zip-0", device.Location);
        Assert.True(device.HasAlgorithm("zlib"));
        Assert.False(device.HasAlgorithm("zli"));
    }

    [Fact]
    public void MissingClassDirectory_IsNoDevicesAndNotAnError()
    {
        var bus = UacceBus.Create(new UacceBusOptions { SysfsRoot = Path.Combine(_tree.Base, "absent"), DevRoot = _tree.DevRoot });

        UacceScanResult scan = bus.Scan();

        Assert.False(scan.SysfsRootExists);
        Assert.Empty(scan.Devices);
        Assert.Empty(scan.Skipped);
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public void EmptyClassDirectory_HasNoDevices()
    {
        UacceScanResult scan = Scan();
        Assert.True(scan.SysfsRootExists);
        Assert.Empty(scan.Devices);
        Assert.Empty(scan.Skipped);
    }

    [Fact]
    public void Devices_AreListedInNameOrder()
    {
        _tree.AddDevice("hisi_zip-2");
        _tree.AddDevice("hisi_hpre-1");
        _tree.AddDevice("hisi_sec2-0");

        Assert.Equal(["hisi_hpre-1", "hisi_sec2-0", "hisi_zip-2"], Scan().Devices.Select(d => d.Name));
    }

    [Theory]
    [InlineData("api")]
    [InlineData("algorithms")]
    [InlineData("flags")]
    public void MissingMandatoryAttribute_SkipsTheDeviceAlone(string attribute)
    {
        _tree.AddDevice("bad-0", (attribute, null));
        _tree.AddDevice("good-1");

        UacceScanResult scan = Scan();

        Assert.Equal("good-1", Assert.Single(scan.Devices).Name);
        UacceSkippedDevice skipped = Assert.Single(scan.Skipped);
        Assert.Equal("bad-0", skipped.Name);
        Assert.StartsWith($"{attribute} attribute is missing (", skipped.Reason, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_tree.Root, "bad-0", attribute), skipped.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc\n", "flags attribute 'abc' is not an unsigned 32-bit number")]
    [InlineData("-1\n", "flags attribute '-1' is not an unsigned 32-bit number")]
    [InlineData("4294967296\n", "flags attribute '4294967296' is not an unsigned 32-bit number")]
    [InlineData("1 2\n", "flags attribute '1 2' is not an unsigned 32-bit number")]
    [InlineData("\n", "flags attribute '' is not an unsigned 32-bit number")]
    [InlineData("0x\n", "flags attribute '0x' is not an unsigned 32-bit number")]
    [InlineData("09\n", "flags attribute '09' is not an unsigned 32-bit number")]
    [InlineData("0\n", "flags 0x0 sets neither SVA (bit 0) nor NOIOMMU (bit 1); the device cannot be given process memory")]
    [InlineData("128\n", "flags 0x80 sets neither SVA (bit 0) nor NOIOMMU (bit 1); the device cannot be given process memory")]
    [InlineData("3\n", "flags 0x3 sets SVA (bit 0) while NOIOMMU (bit 1) is set too; the address mode is contradictory")]
    public void BadFlags_SkipTheDeviceWithThePreciseReason(string flags, string reason)
    {
        _tree.AddDevice("bad-0", ("flags", flags));

        UacceScanResult scan = Scan();

        Assert.Empty(scan.Devices);
        Assert.Equal(reason, Assert.Single(scan.Skipped).Reason);
    }

    [Theory]
    [InlineData("1", UacceDeviceFlags.Sva)]
    [InlineData("0x1", UacceDeviceFlags.Sva)]
    [InlineData("01", UacceDeviceFlags.Sva)]
    [InlineData(" 129 ", UacceDeviceFlags.Sva | UacceDeviceFlags.Iommu)]
    [InlineData("0x81", UacceDeviceFlags.Sva | UacceDeviceFlags.Iommu)]
    public void Flags_AreReadAsCReadsThem(string flags, UacceDeviceFlags expected)
    {
        _tree.AddDevice("dev-0", ("flags", flags + "\n"));

        UacceDevice device = Assert.Single(Scan().Devices);
        Assert.Equal(expected, device.Flags);
        Assert.Equal(UacceAddressMode.Sva, device.AddressMode);
    }

    [Fact]
    public void UnknownFlagBits_AreKeptWithAWarning()
    {
        _tree.AddDevice("dev-0", ("flags", "0x101\n"));

        UacceScanResult scan = Scan();

        UacceDevice device = Assert.Single(scan.Devices);
        Assert.Equal((UacceDeviceFlags)0x101, device.Flags);
        Assert.Equal(UacceAddressMode.Sva, device.AddressMode);
        Assert.Equal("dev-0: flags 0x101 has unknown bits 0x100; they are kept and ignored", Assert.Single(scan.Warnings));
    }

    [Fact]
    public void NoIommuFlag_StripsTheApiSuffix()
    {
        _tree.AddDevice("zip-0", ("api", "hisi_qm_v2_noiommu\n"), ("flags", "2\n"));

        UacceDevice device = Assert.Single(Scan().Devices);

        Assert.Equal("hisi_qm_v2", device.Api);
        Assert.Equal("hisi_qm_v2_noiommu", device.RawApi);
        Assert.Equal(2, device.ApiVersion);
        Assert.Equal(UacceAddressMode.NoIommu, device.AddressMode);
    }

    [Fact]
    public void NoIommuApiSuffix_WithoutTheFlag_MeansNoIommu()
    {
        // Forks disagree on the flag bit (UADK's header uses 0x100); the suffix is what they share.
        _tree.AddDevice("zip-0", ("api", "hisi_qm_v3_noiommu\n"), ("flags", "256\n"));

        UacceScanResult scan = Scan();

        UacceDevice device = Assert.Single(scan.Devices);
        Assert.Equal(UacceAddressMode.NoIommu, device.AddressMode);
        Assert.Equal("hisi_qm_v3", device.Api);
    }

    [Fact]
    public void NoIommuApiSuffix_WithSva_IsContradictory()
    {
        _tree.AddDevice("zip-0", ("api", "hisi_qm_v3_noiommu\n"), ("flags", "1\n"));

        Assert.Equal(
            "flags 0x1 sets SVA (bit 0) while the api ends in _noiommu; the address mode is contradictory",
            Assert.Single(Scan().Skipped).Reason);
    }

    [Theory]
    [InlineData("\n", "api attribute is empty")]
    [InlineData("   \n", "api attribute is empty")]
    [InlineData("hisi_qm_v5\nhisi_qm_v6\n", "api attribute holds several lines ('hisi_qm_v5\\nhisi_qm_v6')")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890abcd\n", "api attribute is 64 characters long; the limit is 63")]
    public void BadApi_SkipsTheDevice(string api, string reason)
    {
        _tree.AddDevice("dev-0", ("api", api));

        Assert.Equal(reason, Assert.Single(Scan().Skipped).Reason);
    }

    [Fact]
    public void EmptyAlgorithms_KeepTheDeviceWithAWarning()
    {
        _tree.AddDevice("dev-0", ("algorithms", "\n"));

        UacceScanResult scan = Scan();

        Assert.Empty(Assert.Single(scan.Devices).Algorithms);
        Assert.Equal("dev-0: algorithms attribute is empty; only drivers that match on the api alone can claim it", Assert.Single(scan.Warnings));
    }

    [Fact]
    public void Algorithms_AreTrimmedWholeLines()
    {
        _tree.AddDevice("dev-0", ("algorithms", "udma \n\n  zlib\r\ngzip"));

        Assert.Equal(["udma", "zlib", "gzip"], Assert.Single(Scan().Devices).Algorithms);
    }

    [Fact]
    public void AbsentRegionSizes_MeanNoRegion()
    {
        _tree.AddDevice("dev-0", ("region_mmio_size", null), ("region_dus_size", null));

        UacceDevice device = Assert.Single(Scan().Devices);
        Assert.Equal(0, device.MmioRegionSize);
        Assert.Equal(0, device.DusRegionSize);
    }

    [Theory]
    [InlineData("region_dus_size", "12k", "region_dus_size attribute '12k' is not a byte count")]
    [InlineData("region_mmio_size", "-4096", "region_mmio_size attribute '-4096' is not a byte count")]
    [InlineData("region_mmio_size", "99999999999999999999", "region_mmio_size attribute '99999999999999999999' is not a byte count")]
    public void MalformedRegionSize_SkipsTheDevice(string attribute, string text, string reason)
    {
        _tree.AddDevice("dev-0", (attribute, text + "\n"));

        Assert.Equal(reason, Assert.Single(Scan().Skipped).Reason);
    }

    [Fact]
    public void AttributeThatIsADirectory_IsUnreadable()
    {
        _tree.AddDevice("dev-0", ("region_dus_size", null));
        Directory.CreateDirectory(Path.Combine(_tree.Root, "dev-0", "region_dus_size"));

        string reason = Assert.Single(Scan().Skipped).Reason;
        Assert.Equal($"region_dus_size attribute is unreadable ({Path.Combine(_tree.Root, "dev-0", "region_dus_size")} is a directory); the region could not be mapped", reason);
    }

    [Fact]
    public void AttributeLongerThanAPage_IsUnreadable()
    {
        _tree.AddDevice("dev-0", ("algorithms", new string('a', 5000)));

        string reason = Assert.Single(Scan().Skipped).Reason;
        Assert.StartsWith("algorithms attribute is unreadable (", reason, StringComparison.Ordinal);
        Assert.EndsWith("is longer than a sysfs page (4096 bytes))", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "available_instances is missing (")]
    [InlineData("x", "available_instances 'x' is not an integer; free queues unknown")]
    [InlineData("-19", "available_instances is -19 (negative: the driver reported an error); free queues unknown")]
    public void UnknownAvailableInstances_IsNullWithAWarning(string? text, string warning)
    {
        _tree.AddDevice("dev-0", ("available_instances", text is null ? null : text + "\n"));

        UacceScanResult scan = Scan();

        Assert.Null(Assert.Single(scan.Devices).AvailableInstances);
        Assert.Contains(warning, Assert.Single(scan.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void NumaNode_FallsBackToNodeId()
    {
        _tree.AddDevice("dev-0", ("device/numa_node", null), ("node_id", "2\n"));

        UacceScanResult scan = Scan();

        Assert.Equal(2, Assert.Single(scan.Devices).NumaNode);
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public void NumaNode_MinusOneIsUnknownWithoutWarning()
    {
        _tree.AddDevice("dev-0", ("device/numa_node", "-1\n"));

        UacceScanResult scan = Scan();

        Assert.Equal(-1, Assert.Single(scan.Devices).NumaNode);
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public void UnreadableNumaNode_IsUnknownAndTheWarningNamesBothAttributes()
    {
        _tree.AddDevice("dev-0", ("device/numa_node", "abc\n"));

        UacceScanResult scan = Scan();

        Assert.Equal(-1, Assert.Single(scan.Devices).NumaNode);
        string warning = Assert.Single(scan.Warnings);
        Assert.StartsWith("dev-0: NUMA node unknown (-1): device/numa_node 'abc' is not an integer; node_id is missing (", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Isolation_IsRead()
    {
        _tree.AddDevice("dev-0", ("isolate", "1\n"), ("isolate_strategy", "3\n"));

        UacceDevice device = Assert.Single(Scan().Devices);
        Assert.True(device.Isolated);
        Assert.Equal(3, device.IsolateStrategy);
    }

    [Fact]
    public void IsolationAttributes_AreOptional()
    {
        _tree.AddDevice("dev-0", ("isolate", null), ("isolate_strategy", null));

        UacceScanResult scan = Scan();

        UacceDevice device = Assert.Single(scan.Devices);
        Assert.Null(device.Isolated);
        Assert.Null(device.IsolateStrategy);
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public void OutOfRangeIsolateStrategy_IsUnknownWithAWarning()
    {
        _tree.AddDevice("dev-0", ("isolate_strategy", "70000\n"));

        UacceScanResult scan = Scan();

        Assert.Null(Assert.Single(scan.Devices).IsolateStrategy);
        Assert.Equal("dev-0: isolate_strategy '70000' is not an integer in [0, 65535]; taken as unknown", Assert.Single(scan.Warnings));
    }

    [Fact]
    public void WeirdNames_AreSkippedEachWithItsReason()
    {
        string longName = new('z', 64);
        _tree.AddDevice(".hidden-0");
        _tree.AddDevice(longName);
        _tree.AddDevice("has space-0");
        _tree.AddDevice("a,b-0");
        _tree.AddDevice("tab\t-0");
        File.WriteAllText(Path.Combine(_tree.Root, "plainfile-0"), "not a device");
        File.CreateSymbolicLink(Path.Combine(_tree.Root, "dangling-0"), Path.Combine(_tree.Base, "nowhere"));
        _tree.AddDevice("ok_name-0");
        _tree.AddDevice(new string('y', 63));

        UacceScanResult scan = Scan();

        Assert.Equal(["ok_name-0", new string('y', 63)], scan.Devices.Select(d => d.Name));
        var reasons = scan.Skipped.ToDictionary(s => s.Name, s => s.Reason);
        Assert.Equal("hidden entry (name starts with '.')", reasons[".hidden-0"]);
        Assert.Equal("the name is 64 characters long; the limit is 63", reasons[longName]);
        Assert.Equal("the name contains whitespace or a control character (U+0020)", reasons["has space-0"]);
        Assert.Equal("the name contains ',', which separates device arguments in devargs", reasons["a,b-0"]);
        Assert.Equal("the name contains whitespace or a control character (U+0009)", reasons["tab\t-0"]);
        Assert.Equal("not a directory", reasons["plainfile-0"]);
        Assert.Equal($"dangling link to {Path.Combine(_tree.Base, "nowhere")}", reasons["dangling-0"]);
        Assert.Equal(7, scan.Skipped.Count);
    }

    [Fact]
    public void LinkedDeviceDirectory_IsFollowed()
    {
        // The kernel's class entries are links into the parent device's sysfs subtree.
        string real = _tree.AddDevice("real-0");
        string moved = Path.Combine(_tree.Base, "devices", "0000:75:00.0", "uacce");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        Directory.Move(real, moved);
        Directory.CreateSymbolicLink(Path.Combine(_tree.Root, "real-0"), moved);

        UacceDevice device = Assert.Single(Scan().Devices);
        Assert.Equal("real-0", device.Name);
        Assert.Equal("hisi_qm_v5", device.Api);
    }

    private UacceScanResult Scan() =>
        UacceBus.Create(new UacceBusOptions { SysfsRoot = _tree.Root, DevRoot = _tree.DevRoot }).Scan();
}
