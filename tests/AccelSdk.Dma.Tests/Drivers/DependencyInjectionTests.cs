using AccelSdk.Core.DependencyInjection;
using AccelSdk.Core.Devices;
using AccelSdk.Dma.DependencyInjection;
using AccelSdk.Uacce;
using Microsoft.Extensions.DependencyInjection;

namespace AccelSdk.Dma.Tests.Drivers;

/// <summary>AddDmaSoftware, AddDmaUacce and AddHisiDmaModel wire the drivers into the registry.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddDmaSoftware_CreatesRequestedDevices()
    {
        var services = new ServiceCollection();
        services.AddAccelSdk(o => o.ProbeBuses = false).AddDmaSoftware().AddDevice("dma_sw0,max_vchans=2");
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        DeviceRegistry registry = provider.GetRequiredService<DeviceRegistry>();
        DmaDevice device = registry.Get<DmaDevice>("dma_sw0");
        Assert.Equal(2, device.GetInfo().MaxVchans);
    }

    [Fact]
    public void AddDmaUacce_WithTheModel_ProbesItsDevices()
    {
        var services = new ServiceCollection();
        services.AddAccelSdk()
            .AddDmaUacce()
            .AddHisiDmaModel(o => o.QueueCount = 2)
            .AddUacceBusOptions();
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        DeviceRegistry registry = provider.GetRequiredService<DeviceRegistry>();
        DmaDevice device = registry.Get<DmaDevice>("dma_uacce");
        Assert.EndsWith("-dma0", device.Name, StringComparison.Ordinal);
        Assert.Contains(provider.GetRequiredService<UacceBus>().Drivers, d => d.Name == "dma_uacce");
    }
}

/// <summary>Test helper: a model-only bus (no kernel scan), so the tests do not depend on the host's /sys.</summary>
internal static class UacceTestBuilderExtensions
{
    public static IAccelSdkBuilder AddUacceBusOptions(this IAccelSdkBuilder builder) =>
        AccelSdk.Uacce.DependencyInjection.UacceAccelSdkBuilderExtensions.AddUacceBus(builder, o => o.ScanKernelDevices = false);
}
