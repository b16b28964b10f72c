using AccelSdk.Core.DependencyInjection;
using AccelSdk.Core.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AccelSdk.Gpu.DependencyInjection;

/// <summary>Registers <c>baseband_gpu</c> with the SDK's dependency-injection builder.</summary>
public static class GpuBuilderExtensions
{
    /// <summary>
    /// Registers the <c>baseband_gpu</c> driver (create devices with <c>AddDevice("baseband_gpu0,...")</c>). The options
    /// set the defaults of every device; devargs override them per device. Logs through the container's
    /// <see cref="ILoggerFactory"/> when there is one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IAccelSdkBuilder AddBasebandGpu(this IAccelSdkBuilder builder, GpuDeviceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        GpuDeviceOptions defaults = options ?? new GpuDeviceOptions();
        defaults.Validate();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeviceDriver, BasebandGpuDriver>(
            provider => new BasebandGpuDriver(defaults, provider.GetService<ILoggerFactory>())));
        return builder;
    }
}
