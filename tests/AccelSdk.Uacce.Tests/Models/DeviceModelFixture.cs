using AccelSdk.Core.Devices;
using AccelSdk.Uacce.Drivers;
using AccelSdk.Uacce.Models;
using AccelSdk.Uacce.Tests.Infrastructure;

namespace AccelSdk.Uacce.Tests.Models;

/// <summary>A bus hosting one <see cref="EchoModel"/> (no kernel scan), probed by a driver that keeps the context.</summary>
internal sealed class DeviceModelFixture : IDisposable
{
    public DeviceModelFixture(Action<UacceDeviceModelOptions>? change = null)
    {
        var options = new UacceBusOptions { ScanKernelDevices = false };
        options.AddModel(() => new EchoModel(EchoModel.DefaultOptions(change)));
        Driver = new TestDriver("echo_drv", UacceDriverFlags.SupportsNoIommu, new UacceDriverId("echo_v1", "memcpy"));
        Bus = UacceBus.Create(options, [Driver]);
        Registry = new DeviceRegistry();
        Bus.Probe(Registry);
        Context = Assert.Single(Driver.Probed);
        Model = (EchoModel)Assert.Single(Bus.Models);
    }

    public UacceBus Bus { get; }

    public DeviceRegistry Registry { get; }

    public TestDriver Driver { get; }

    public UacceDeviceContext Context { get; }

    public EchoModel Model { get; }

    public void Dispose()
    {
        Registry.Dispose();
        Bus.Dispose();
    }
}
