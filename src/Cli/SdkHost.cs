using AccelSdk.Bbdev.DependencyInjection;
using AccelSdk.Core.DependencyInjection;
using AccelSdk.Core.Devices;
using AccelSdk.Crypto.DependencyInjection;
using AccelSdk.Dma.DependencyInjection;
using AccelSdk.Gpu.DependencyInjection;
using AccelSdk.Qdma.DependencyInjection;
using AccelSdk.Uacce;
using AccelSdk.Uacce.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace AccelSdk.Cli;

/// <summary>
/// Builds the service provider every command uses: the SDK with every driver the tool ships, and one emulated QDMA
/// FEC card on the UACCE bus (<c>qdma_fec-N</c>, driven by <c>baseband_qdma</c>) so the accelerator path runs on any
/// machine.
/// </summary>
internal static class SdkHost
{
    public static ServiceProvider Build(Action<AccelSdkOptions>? configure = null, Action<UacceBusOptions>? uacce = null)
    {
        var services = new ServiceCollection();
        services.AddAccelSdk(configure)
            .AddBbdevSoftwareDrivers()
            .AddBasebandGpu()
            .AddCryptoSoftware()
            .AddDmaSoftware()
            .AddUacceBus(uacce)
            .AddBasebandQdma()
            .AddQdmaFecModel()
            .AddDmaUacce();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static DeviceRegistry Registry(this IServiceProvider provider) => provider.GetRequiredService<DeviceRegistry>();
}
