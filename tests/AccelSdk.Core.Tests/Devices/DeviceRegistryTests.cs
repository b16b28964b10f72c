using AccelSdk.Core.Devices;

namespace AccelSdk.Core.Tests.Devices;

public sealed class DeviceRegistryTests
{
    [Fact]
    public void CreateVirtualDevice_ByDriverName_NumbersDevices()
    {
        using var registry = new DeviceRegistry();
        registry.AddDriver(new FakeDriver());
        Assert.Equal("dma_fake0", registry.CreateVirtualDevice("dma_fake").Name);
        Assert.Equal("dma_fake1", registry.CreateVirtualDevice("dma_fake").Name);
        Assert.Equal("dma_fake2", registry.CreateVirtualDevice("fake").Name); // an alias names the same driver
    }

    [Fact]
    public void CreateVirtualDevice_WithExplicitNameAndArguments()
    {
        using var registry = new DeviceRegistry();
        registry.AddDriver(new FakeDriver());
        IAccelDevice device = registry.CreateVirtualDevice("dma_fake_custom, queues=4");
        Assert.Equal("dma_fake_custom", device.Name);
        Assert.Equal(4, device.QueueCount);
        Assert.Same(device, registry.Get<FakeDevice>("dma_fake_custom"));
        Assert.Same(device, registry.Get<FakeDevice>("dma_fake"));
    }

    [Fact]
    public void UnknownArgument_NamesItAndTheAcceptedOnes()
    {
        using var registry = new DeviceRegistry();
        registry.AddDriver(new FakeDriver());
        var ex = Assert.Throws<ArgumentException>(() => registry.CreateVirtualDevice("dma_fake0,qeues=4"));
        Assert.Contains("qeues", ex.Message, StringComparison.Ordinal);
        Assert.Contains("queues=N", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dma_fake0,queues=9", "[1, 8]")]
    [InlineData("dma_fake0,queues=x", "[1, 8]")]
    public void BadArgumentValue_NamesTheRange(string devargs, string range)
    {
        using var registry = new DeviceRegistry();
        registry.AddDriver(new FakeDriver());
        var ex = Assert.Throws<ArgumentException>(() => registry.CreateVirtualDevice(devargs));
        Assert.Contains(range, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedArguments_AreFormatErrors()
    {
        using var registry = new DeviceRegistry();
        registry.AddDriver(new FakeDriver());
        Assert.Throws<FormatException>(() => registry.CreateVirtualDevice("dma_fake0,queues"));
        Assert.Throws<FormatException>(() => registry.CreateVirtualDevice("dma_fake0,queues=1,queues=2"));
    }

    [Fact]
    public void UnknownDriver_ListsKnownDrivers()
    {
        using var registry = new DeviceRegistry();
        registry.AddDriver(new FakeDriver());
        var ex = Assert.Throws<ArgumentException>(() => registry.CreateVirtualDevice("nope0"));
        Assert.Contains("dma_fake", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateNames_AreRejected()
    {
        using var registry = new DeviceRegistry();
        registry.Add(new FakeDevice("d0", "x"));
        Assert.Throws<InvalidOperationException>(() => registry.Add(new FakeDevice("d0", "x")));
        registry.AddDriver(new FakeDriver());
        Assert.Throws<InvalidOperationException>(() => registry.AddDriver(new FakeDriver()));
        Assert.Throws<ArgumentException>(() => registry.Add(new FakeDevice(new string('a', 65), "x")));
    }

    [Fact]
    public void Remove_AndDispose_DisposeDevicesAndRaiseEvents()
    {
        var registry = new DeviceRegistry();
        var removed = new List<string>();
        registry.DeviceRemoved += (_, d) => removed.Add(d.Name);
        var a = new FakeDevice("a", "x");
        var b = new FakeDevice("b", "x");
        registry.Add(a);
        registry.Add(b);
        Assert.True(registry.Remove("a"));
        Assert.False(registry.Remove("a"));
        Assert.True(a.Disposed);
        registry.Dispose();
        Assert.True(b.Disposed);
        Assert.Equal(new[] { "a", "b" }, removed);
        Assert.Throws<ObjectDisposedException>(() => registry.Add(new FakeDevice("c", "x")));
    }

    [Fact]
    public void Get_UnknownDevice_ListsDevices()
    {
        using var registry = new DeviceRegistry();
        registry.Add(new FakeDevice("a", "x"));
        var ex = Assert.Throws<KeyNotFoundException>(() => registry.Get<FakeDevice>("zz"));
        Assert.Contains("a", ex.Message, StringComparison.Ordinal);
    }
}
