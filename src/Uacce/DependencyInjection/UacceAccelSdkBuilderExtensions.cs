using AccelSdk.Core.DependencyInjection;
using AccelSdk.Core.Devices;
using AccelSdk.Uacce.Drivers;
using AccelSdk.Uacce.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AccelSdk.Uacce.DependencyInjection;

/// <summary>Registers the UACCE bus, its drivers and device models with the SDK.</summary>
public static class UacceAccelSdkBuilderExtensions
{
    /// <summary>
    /// Adds the UACCE bus (a singleton <see cref="UacceBus"/>, also registered as an <see cref="IDeviceBus"/> that the
    /// registry probes when built). Options are validated when the bus is created. Calling it again only adds
    /// configuration.
    /// </summary>
    public static IAccelSdkBuilder AddUacceBus(this IAccelSdkBuilder builder, Action<UacceBusOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        OptionsBuilder<UacceBusOptions> options = builder.Services.AddOptions<UacceBusOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UacceBusOptions>, UacceBusOptionsValidator>());
        builder.Services.TryAddSingleton<UacceBus>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeviceBus, UacceBus>(sp => sp.GetRequiredService<UacceBus>()));
        return builder;
    }

    /// <summary>Registers a UACCE class driver (once per type) and makes sure the bus is added.</summary>
    public static IAccelSdkBuilder AddUacceDriver<TDriver>(this IAccelSdkBuilder builder)
        where TDriver : class, IUacceDriver
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddUacceBus();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IUacceDriver, TDriver>());
        return builder;
    }

    /// <summary>Hosts a device model on the bus (created on the first scan, disposed with the bus) and makes sure the bus is added.</summary>
    public static IAccelSdkBuilder AddUacceModel(this IAccelSdkBuilder builder, Func<UacceDeviceModel> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        return builder.AddUacceBus(o => o.AddModel(factory));
    }
}
