using AccelSdk.Core.Devices;
using AccelSdk.Dma.Drivers.Software;

namespace AccelSdk.Dma.Tests.Infrastructure;

/// <summary>A <c>dma_sw</c> device in a registry of its own.</summary>
public sealed class SoftwareHarness : DmaHarness
{
    public SoftwareHarness(string? arguments = null)
    {
        Registry = new DeviceRegistry();
        Registry.AddDriver(new DmaSoftwareDriver());
        Device = (DmaDevice)Registry.CreateVirtualDevice(arguments is null ? "dma_sw" : $"dma_sw,{arguments}");
        Label = arguments is null ? "dma_sw" : $"dma_sw ({arguments})";
    }

    public override DeviceRegistry Registry { get; }

    public override DmaDevice Device { get; }

    public override string Label { get; }

    protected override void DisposeDevice() => Registry.Dispose();
}
