using AccelSdk.Core.DependencyInjection;
using AccelSdk.Core.Devices;
using Microsoft.Extensions.DependencyInjection;

namespace AccelSdk.Core.Tests.Devices;

public sealed class DependencyInjectionTests
{
    private sealed class CountingBus : IDeviceBus
    {
        public string Name => "test";

        public int Probes { get; private set; }

        public int Probe(DeviceRegistry registry)
        {
            Probes++;
            registry.Add(new FakeDevice("bus_dev0", "bus_driver"));
            return 1;
        }
    }

    [Fact]
    public void AddAccelSdk_BuildsRegistryWithDriversBusesAndDevices()
    {
        var services = new ServiceCollection();
        var bus = new CountingBus();
        services.AddSingleton<IDeviceBus>(bus);
        services.AddAccelSdk().AddDriver<FakeDriver>().AddDevice("dma_fake0,queues=2");
        using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);
        DeviceRegistry registry = provider.GetRequiredService<DeviceRegistry>();
        Assert.Same(registry, provider.GetRequiredService<DeviceRegistry>());
        Assert.Equal(1, bus.Probes);
        Assert.Equal(new[] { "bus_dev0", "dma_fake0" }, registry.Devices.Select(d => d.Name));
        Assert.Single(registry.Drivers);
    }

    [Fact]
    public void ProbeBuses_False_SkipsBuses()
    {
        var services = new ServiceCollection();
        var bus = new CountingBus();
        services.AddSingleton<IDeviceBus>(bus);
        services.AddAccelSdk(o => o.ProbeBuses = false);
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Empty(provider.GetRequiredService<DeviceRegistry>().Devices);
        Assert.Equal(0, bus.Probes);
    }

    [Fact]
    public void DriverRegistration_IsIdempotent_AndReplaceable()
    {
        var services = new ServiceCollection();
        services.AddAccelSdk().AddDriver<FakeDriver>().AddDriver<FakeDriver>();
        var custom = new DeviceRegistry();
        services.AddSingleton(custom); // an application may supply its own registry
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<IDeviceDriver>());
        Assert.Same(custom, provider.GetRequiredService<DeviceRegistry>());
    }

    [Fact]
    public void DisposingTheProvider_DisposesDevices()
    {
        var services = new ServiceCollection();
        services.AddAccelSdk().AddDriver<FakeDriver>().AddDevice("dma_fake0");
        ServiceProvider provider = services.BuildServiceProvider();
        var device = (FakeDevice)provider.GetRequiredService<DeviceRegistry>().Devices[0];
        provider.Dispose();
        Assert.True(device.Disposed);
    }

    [Fact]
    public void BadDeviceArguments_FailAtRegistryBuild()
    {
        var services = new ServiceCollection();
        services.AddAccelSdk().AddDriver<FakeDriver>().AddDevice("dma_fake0,queues=99");
        using ServiceProvider provider = services.BuildServiceProvider();
        var ex = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<DeviceRegistry>());
        Assert.Contains("queues=99", ex.Message, StringComparison.Ordinal);
    }
}
