using AccelSdk.Core.Devices;
using AccelSdk.Uacce.Drivers;
using AccelSdk.Uacce.Tests.Infrastructure;

namespace AccelSdk.Uacce.Tests.Drivers;

/// <summary>Probing through the bus: driver order, allow/block lists, devargs, failures, removal.</summary>
public sealed class UacceBusProbeTests : IDisposable
{
    private readonly SysfsTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void MatchingDevices_AreAddedToTheRegistry_FirstDriverWins()
    {
        _tree.AddDevice("hisi_zip-0");
        _tree.AddDevice("hisi_sec2-1", ("api", "hisi_qm_v3\n"), ("algorithms", "sm4\n"));
        var first = new TestDriver("first", UacceDriverFlags.ForwardCompatible, new UacceDriverId("hisi_qm_v5", "udma"));
        var second = new TestDriver("second", UacceDriverFlags.None, new UacceDriverId("hisi_qm_v5"));
        using var registry = new DeviceRegistry();
        using UacceBus bus = Bus(new UacceBusOptions(), first, second);

        int added = bus.Probe(registry);

        Assert.Equal(1, added);
        IAccelDevice device = Assert.Single(registry.Devices);
        Assert.Equal("hisi_zip-0-first0", device.Name);
        Assert.Equal("uacce:hisi_zip-0", device.Location);
        Assert.Empty(second.Probed);
        UacceProbeOutcome claimed = bus.ProbeOutcomes.Single(o => o.DeviceName == "hisi_zip-0");
        Assert.Equal(UacceProbeStatus.Claimed, claimed.Status);
        Assert.Equal("first", claimed.DriverName);
        Assert.Equal(["hisi_zip-0-first0"], claimed.Devices);
        UacceProbeOutcome unclaimed = bus.ProbeOutcomes.Single(o => o.DeviceName == "hisi_sec2-1");
        Assert.Equal(UacceProbeStatus.NoDriver, unclaimed.Status);
        Assert.Equal("api hisi_qm_v3 [sm4] matches no driver: first drives hisi_qm_v5 [udma]; second drives hisi_qm_v5", unclaimed.Detail);
    }

    [Fact]
    public void ProbingTwice_DoesNotProbeAgain()
    {
        _tree.AddDevice("hisi_zip-0");
        var driver = new TestDriver("drv", UacceDriverFlags.None, new UacceDriverId("hisi_qm_v5"));
        using var registry = new DeviceRegistry();
        using UacceBus bus = Bus(new UacceBusOptions(), driver);

        Assert.Equal(1, bus.Probe(registry));
        Assert.Equal(0, bus.Probe(registry));
        Assert.Single(driver.Probed);
        Assert.Single(registry.Devices);
    }

    [Fact]
    public void AllowList_UsesOnlyListedDevices_AndPassesTheirArguments()
    {
        _tree.AddDevice("hisi_zip-0");
        _tree.AddDevice("hisi_zip-1");
        var driver = new TestDriver("drv", UacceDriverFlags.None, new UacceDriverId("hisi_qm_v5"));
        var options = new UacceBusOptions();
        options.AllowList.Add("uacce:hisi_zip-1,queues=2");
        options.AllowList.Add("hisi_zip-7");
        using var registry = new DeviceRegistry();
        using UacceBus bus = Bus(options, driver);

        bus.Probe(registry);

        UacceDeviceContext context = Assert.Single(driver.Probed);
        Assert.Equal("hisi_zip-1", context.Device.Name);
        Assert.Equal(2, context.Arguments.GetInt32("queues", 1, 1, 16));
        UacceScanResult scan = bus.LastScan!;
        Assert.Equal("not in the allow list", Assert.Single(scan.Skipped).Reason);
        Assert.Equal("hisi_zip-7: in the allow list but not found", Assert.Single(scan.Warnings));
    }

    [Fact]
    public void BlockList_SkipsBlockedDevices()
    {
        _tree.AddDevice("hisi_zip-0");
        _tree.AddDevice("hisi_zip-1");
        var driver = new TestDriver("drv", UacceDriverFlags.None, new UacceDriverId("hisi_qm_v5"));
        var options = new UacceBusOptions();
        options.BlockList.Add("uacce:hisi_zip-0");
        using var registry = new DeviceRegistry();
        using UacceBus bus = Bus(options, driver);

        bus.Probe(registry);

        Assert.Equal("hisi_zip-1", Assert.Single(driver.Probed).Device.Name);
        UacceSkippedDevice skipped = Assert.Single(bus.LastScan!.Skipped);
        Assert.Equal(("hisi_zip-0", "in the block list"), (skipped.Name, skipped.Reason));
        Assert.Empty(Assert.Single(driver.Probed).Arguments.Keys);
    }

    [Fact]
    public void AllowAndBlockTogether_AreRejected()
    {
        var options = new UacceBusOptions();
        options.AllowList.Add("a-0");
        options.BlockList.Add("b-0");

        var ex = Assert.Throws<ArgumentException>(() => UacceBus.Create(options));
        Assert.Contains("Uacce:AllowList (a-0) and Uacce:BlockList (b-0) cannot both be used", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hisi_zip-0,queues", "Device argument 'queues' is not of the form key=value.")]
    [InlineData(",queues=1", "has no usable device name: the name is empty")]
    [InlineData("a b-0", "has no usable device name: the name contains whitespace")]
    public void BadAllowEntries_AreRejected(string entry, string message)
    {
        var options = new UacceBusOptions();
        options.AllowList.Add(entry);

        var ex = Assert.Throws<ArgumentException>(() => UacceBus.Create(options));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FailingDriver_IsRecorded_AndProbingGoesOn()
    {
        _tree.AddDevice("hisi_zip-0");
        _tree.AddDevice("hisi_zip-1", ("api", "other_v1\n"));
        var failing = new TestDriver("failing", UacceDriverFlags.None, new UacceDriverId("hisi_qm_v5")) { ProbeFailure = new InvalidOperationException("boom") };
        var good = new TestDriver("good", UacceDriverFlags.None, new UacceDriverId("other_v1"));
        using var registry = new DeviceRegistry();
        using UacceBus bus = Bus(new UacceBusOptions(), failing, good);

        Assert.Equal(1, bus.Probe(registry));

        UacceProbeOutcome failed = bus.ProbeOutcomes.Single(o => o.DeviceName == "hisi_zip-0");
        Assert.Equal((UacceProbeStatus.Failed, "failing", "boom"), (failed.Status, failed.DriverName, failed.Detail));
        Assert.Equal("hisi_zip-1-good0", Assert.Single(registry.Devices).Name);
    }

    [Fact]
    public void DecliningDriver_AddsNothing()
    {
        _tree.AddDevice("hisi_zip-0");
        var driver = new TestDriver("drv", UacceDriverFlags.None, new UacceDriverId("hisi_qm_v5")) { DevicesPerProbe = 0 };
        using var registry = new DeviceRegistry();
        using UacceBus bus = Bus(new UacceBusOptions(), driver);

        Assert.Equal(0, bus.Probe(registry));
        Assert.Equal(UacceProbeStatus.Declined, Assert.Single(bus.ProbeOutcomes).Status);
    }

    [Fact]
    public void SeveralDevicesPerUacceDevice_AreAllAdded_AndRemovedTogether()
    {
        _tree.AddDevice("hisi_zip-0");
        var driver = new TestDriver("drv", UacceDriverFlags.None, new UacceDriverId("hisi_qm_v5")) { DevicesPerProbe = 3 };
        using var registry = new DeviceRegistry();
        using UacceBus bus = Bus(new UacceBusOptions(), driver);

        Assert.Equal(3, bus.Probe(registry));
        Assert.True(bus.Remove(registry, "hisi_zip-0"));

        Assert.Empty(registry.Devices);
        Assert.All(driver.Created, d => Assert.True(d.Disposed));
        Assert.False(bus.Remove(registry, "hisi_zip-0"));

        // Detached devices can be probed again.
        Assert.Equal(3, bus.Probe(registry));
    }

    [Fact]
    public void RegistryRefusingADevice_DisposesIt()
    {
        _tree.AddDevice("hisi_zip-0");
        var driver = new TestDriver("drv", UacceDriverFlags.None, new UacceDriverId("hisi_qm_v5"));
        using var registry = new DeviceRegistry();
        var squatter = new FakeAccelDevice("hisi_zip-0-drv0", "other", null!);
        registry.Add(squatter);
        using UacceBus bus = Bus(new UacceBusOptions(), driver);

        Assert.Equal(0, bus.Probe(registry));

        Assert.True(Assert.Single(driver.Created).Disposed);
        UacceProbeOutcome outcome = Assert.Single(bus.ProbeOutcomes);
        Assert.Equal(UacceProbeStatus.Failed, outcome.Status);
        Assert.Contains("already exists", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void IsolatedDevice_IsNotProbed()
    {
        _tree.AddDevice("hisi_zip-0", ("isolate", "1\n"));
        var driver = new TestDriver("drv", UacceDriverFlags.None, new UacceDriverId("hisi_qm_v5"));
        using var registry = new DeviceRegistry();
        using UacceBus bus = Bus(new UacceBusOptions(), driver);

        Assert.Equal(0, bus.Probe(registry));
        Assert.Empty(driver.Probed);
        Assert.Equal(UacceProbeStatus.Isolated, Assert.Single(bus.ProbeOutcomes).Status);
    }

    [Fact]
    public void NoIommuDevice_GetsATranslatingAddressSpace()
    {
        _tree.AddDevice("hisi_zip-0", ("api", "hisi_qm_v5_noiommu\n"), ("flags", "2\n"));
        var driver = new TestDriver("drv", UacceDriverFlags.SupportsNoIommu, new UacceDriverId("hisi_qm_v5"));
        using var registry = new DeviceRegistry();
        using UacceBus bus = Bus(new UacceBusOptions(), driver);

        bus.Probe(registry);

        UacceDeviceContext context = Assert.Single(driver.Probed);
        Assert.Equal(UacceAddressMode.NoIommu, context.AddressMode);
        Assert.False(context.AddressSpace.IsIdentity);
    }

    [Fact]
    public void DuplicateDriverNames_AreRejected()
    {
        var a = new TestDriver("same", UacceDriverFlags.None, new UacceDriverId("x_v1"));
        var b = new TestDriver("same", UacceDriverFlags.None, new UacceDriverId("y_v1"));

        Assert.Throws<ArgumentException>(() => UacceBus.Create(new UacceBusOptions(), [a, b]));
    }

    private UacceBus Bus(UacceBusOptions options, params IUacceDriver[] drivers)
    {
        options.SysfsRoot = _tree.Root;
        options.DevRoot = _tree.DevRoot;
        return UacceBus.Create(options, drivers);
    }
}
