using AccelSdk.Core.DependencyInjection;
using AccelSdk.Dma.Drivers.Software;
using AccelSdk.Dma.Drivers.Uacce;
using AccelSdk.Dma.Models;
using AccelSdk.Uacce.DependencyInjection;

namespace AccelSdk.Dma.DependencyInjection;

/// <summary>Registers the DMA drivers (and the HiSilicon data-move device model) with the SDK's dependency-injection builder.</summary>
public static class DmaBuilderExtensions
{
    /// <summary>Registers <c>dma_sw</c> (alias <c>dma_skeleton</c>); create devices with <c>AddDevice("dma_sw0,...")</c> or the registry.</summary>
    public static IAccelSdkBuilder AddDmaSoftware(this IAccelSdkBuilder builder) => builder.AddDriver<DmaSoftwareDriver>();

    /// <summary>Registers <c>dma_uacce</c> on the UACCE bus (adding the bus if needed); it claims every <c>hisi_qm_v5</c> device with <c>udma</c>.</summary>
    public static IAccelSdkBuilder AddDmaUacce(this IAccelSdkBuilder builder) => builder.AddUacceDriver<DmaUacceDriver>();

    /// <summary>Hosts an in-process <see cref="HisiDmaModel"/> on the UACCE bus (one per call), for <c>dma_uacce</c> to claim.</summary>
    public static IAccelSdkBuilder AddHisiDmaModel(this IAccelSdkBuilder builder, Action<HisiDmaModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddUacceModel(() =>
        {
            var options = new HisiDmaModelOptions();
            configure?.Invoke(options);
            return new HisiDmaModel(options);
        });
    }
}
