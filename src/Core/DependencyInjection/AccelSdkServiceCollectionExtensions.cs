using AccelSdk.Core.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AccelSdk.Core.DependencyInjection;

/// <summary>Registers the SDK with Microsoft.Extensions.DependencyInjection.</summary>
public static class AccelSdkServiceCollectionExtensions
{
    /// <summary>
    /// Adds the device registry and the SDK options. The registry is a singleton built on first use: it registers
    /// every <see cref="IDeviceDriver"/> service, probes every <see cref="IDeviceBus"/> service (unless
    /// <see cref="AccelSdkOptions.ProbeBuses"/> is false) and creates <see cref="AccelSdkOptions.VirtualDevices"/>.
    /// Registrations use <c>TryAdd</c>, so an application can replace any of them.
    /// </summary>
    public static IAccelSdkBuilder AddAccelSdk(this IServiceCollection services, Action<AccelSdkOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<AccelSdkOptions> options = services.AddOptions<AccelSdkOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.VirtualDevices.All(d => !string.IsNullOrWhiteSpace(d)), "AccelSdk:VirtualDevices must not contain empty entries.");
        services.TryAddSingleton(CreateRegistry);
        return new AccelSdkBuilder(services);
    }

    /// <summary>Registers a virtual-device driver (once per type).</summary>
    public static IAccelSdkBuilder AddDriver<TDriver>(this IAccelSdkBuilder builder)
        where TDriver : class, IDeviceDriver
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeviceDriver, TDriver>());
        return builder;
    }

    /// <summary>Registers a bus to be probed when the registry is built (once per type).</summary>
    public static IAccelSdkBuilder AddBus<TBus>(this IAccelSdkBuilder builder)
        where TBus : class, IDeviceBus
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeviceBus, TBus>());
        return builder;
    }

    /// <summary>Asks for a virtual device, by devargs string (<c>baseband_sw0,max_queues=8</c>), at registry build time.</summary>
    public static IAccelSdkBuilder AddDevice(this IAccelSdkBuilder builder, string devargs)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(devargs);
        builder.Services.Configure<AccelSdkOptions>(o => o.VirtualDevices.Add(devargs));
        return builder;
    }

    private static DeviceRegistry CreateRegistry(IServiceProvider provider)
    {
        AccelSdkOptions options = provider.GetRequiredService<IOptions<AccelSdkOptions>>().Value;
        var registry = new DeviceRegistry();
        try
        {
            foreach (IDeviceDriver driver in provider.GetServices<IDeviceDriver>())
            {
                registry.AddDriver(driver);
            }

            if (options.ProbeBuses)
            {
                foreach (IDeviceBus bus in provider.GetServices<IDeviceBus>())
                {
                    bus.Probe(registry);
                }
            }

            foreach (string devargs in options.VirtualDevices)
            {
                registry.CreateVirtualDevice(devargs);
            }
        }
        catch
        {
            registry.Dispose();
            throw;
        }

        return registry;
    }

    private sealed class AccelSdkBuilder(IServiceCollection services) : IAccelSdkBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
