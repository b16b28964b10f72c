using AccelSdk.Core.DependencyInjection;
using AccelSdk.Core.Devices;
using AccelSdk.Uacce.DependencyInjection;
using AccelSdk.Uacce.Drivers;
using AccelSdk.Uacce.Tests.Infrastructure;
using AccelSdk.Uacce.Tests.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccelSdk.Uacce.Tests.DependencyInjection;

/// <summary>Registration through <c>AddAccelSdk().AddUacceBus(...)</c>.</summary>
public sealed class AddUacceBusTests
{
    [Fact]
    public void Registry_ProbesTheBus_WithHostedModelsAndDrivers()
    {
        using var tree = new SysfsTree();
        tree.AddDevice("hisi_zip-0");
        var services = new ServiceCollection();
        services.AddAccelSdk()
            .AddUacceBus(o =>
            {
                o.SysfsRoot = tree.Root;
                o.DevRoot = tree.DevRoot;
            })
            .AddUacceDriver<EchoTestDriver>()
            .AddUacceModel(() => new EchoModel(EchoModel.DefaultOptions()));
        EchoModel model;
        using (ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
        {
            DeviceRegistry registry = provider.GetRequiredService<DeviceRegistry>();

            IAccelDevice device = Assert.Single(registry.Devices);
            Assert.Equal("echo-1-echo_test0", device.Name);
            UacceBus bus = provider.GetRequiredService<UacceBus>();
            Assert.Same(bus, Assert.Single(provider.GetServices<IDeviceBus>()));
            Assert.Equal(["hisi_zip-0", "echo-1"], bus.LastScan!.Devices.Select(d => d.Name));
            Assert.Equal(UacceProbeStatus.NoDriver, bus.ProbeOutcomes.Single(o => o.DeviceName == "hisi_zip-0").Status);
            model = (EchoModel)Assert.Single(bus.Models);
        }

        Assert.True(model.IsRemoved);
    }

    [Fact]
    public void InvalidOptions_FailWhenTheBusIsBuilt()
    {
        var services = new ServiceCollection();
        services.AddAccelSdk().AddUacceBus(o =>
        {
            o.AllowList.Add("a-0");
            o.BlockList.Add("b-0");
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<UacceBus>());
        Assert.Contains("cannot both be used", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddingTheBusTwice_RegistersItOnce()
    {
        var services = new ServiceCollection();
        services.AddAccelSdk().AddUacceBus(o => o.ScanKernelDevices = false).AddUacceBus().AddUacceDriver<EchoTestDriver>().AddUacceDriver<EchoTestDriver>();
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IDeviceBus>());
        Assert.Single(provider.GetServices<IUacceDriver>());
        Assert.False(provider.GetRequiredService<IOptions<UacceBusOptions>>().Value.ScanKernelDevices);
    }

    /// <summary>A driver type DI can construct.</summary>
    internal sealed class EchoTestDriver : IUacceDriver
    {
        public string Name => "echo_test";

        public DeviceClass Class => DeviceClass.Dma;

        public IReadOnlyList<UacceDriverId> IdTable { get; } = [new UacceDriverId("echo_v1", "memcpy")];

        public UacceDriverFlags Flags => UacceDriverFlags.ForwardCompatible;

        public IReadOnlyList<string> ArgumentHelp => [];

        public IReadOnlyList<IAccelDevice> Probe(UacceDeviceContext context) =>
            [new FakeAccelDevice($"{context.Device.Name}-{Name}0", Name, context)];
    }
}
