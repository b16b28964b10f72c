using AccelSdk.Core.Devices;
using AccelSdk.Dma.Drivers.Uacce;
using AccelSdk.Dma.Models;
using AccelSdk.Uacce;

namespace AccelSdk.Dma.Tests.Infrastructure;

/// <summary>A <c>dma_uacce</c> device on an in-process <see cref="HisiDmaModel"/>, found by a UACCE bus probe (no kernel scan).</summary>
public sealed class UacceHarness : DmaHarness
{
    public UacceHarness(Action<HisiDmaModelOptions>? configure = null, string? devargs = null)
    {
        var modelOptions = new HisiDmaModelOptions();
        configure?.Invoke(modelOptions);
        var options = new UacceBusOptions { ScanKernelDevices = false };
        options.AddModel(() => new HisiDmaModel(modelOptions));
        if (devargs is not null)
        {
            options.AllowList.Add($"hisi_zip-0,{devargs}");
        }

        Bus = UacceBus.Create(options, [new DmaUacceDriver()]);
        Registry = new DeviceRegistry();
        Bus.Probe(Registry);
        Model = (HisiDmaModel)Assert.Single(Bus.Models);
        DmaDevice[] devices = Registry.Devices.OfType<DmaDevice>().ToArray();
        Assert.True(devices.Length > 0, $"the bus created no DMA device: {string.Join("; ", Bus.ProbeOutcomes.Select(o => o.Detail))}");
        Devices = devices;
        Device = devices[0];
        Label = $"dma_uacce on {Model.Name} ({modelOptions.AddressMode})";
    }

    public UacceBus Bus { get; }

    public HisiDmaModel Model { get; }

    public IReadOnlyList<DmaDevice> Devices { get; }

    public override DeviceRegistry Registry { get; }

    public override DmaDevice Device { get; }

    public override string Label { get; }

    protected override void DisposeDevice()
    {
        Registry.Dispose();
        Bus.Dispose();
    }
}
