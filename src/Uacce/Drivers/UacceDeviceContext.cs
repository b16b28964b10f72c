using AccelSdk.Core.Devices;
using AccelSdk.Uacce.Discovery;
using AccelSdk.Uacce.Memory;
using AccelSdk.Uacce.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccelSdk.Uacce.Drivers;

/// <summary>
/// What a driver gets for each UACCE device it probes, and keeps for the device's lifetime: the description, the
/// devargs, the address space to translate buffer addresses in, and the way to open queues. The same object for a
/// kernel device and a device model: a driver cannot tell them apart.
/// </summary>
public sealed class UacceDeviceContext
{
    private readonly IUacceDeviceSource _source;

    internal UacceDeviceContext(IUacceDeviceSource source, UacceDevice device, DeviceArguments arguments, UacceAddressSpace addressSpace, ILoggerFactory? loggerFactory)
    {
        _source = source;
        Device = device;
        Arguments = arguments;
        AddressSpace = addressSpace;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    /// <summary>The device as scanned.</summary>
    public UacceDevice Device { get; }

    /// <summary>The devargs given with the device in the allow list (<c>hisi_zip-0,queues=2</c>); empty otherwise. Call <see cref="DeviceArguments.ThrowIfUnused"/> after reading them.</summary>
    public DeviceArguments Arguments { get; }

    /// <summary>
    /// Whether descriptors carry process addresses (<see cref="UacceAddressMode.Sva"/>) or bus addresses from
    /// <see cref="AddressSpace"/> (<see cref="UacceAddressMode.NoIommu"/>).
    /// </summary>
    public UacceAddressMode AddressMode => Device.AddressMode;

    /// <summary>The device's address space: register the memory you give the device, translate addresses for descriptors.</summary>
    public UacceAddressSpace AddressSpace { get; }

    /// <summary>For the driver's loggers.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Reads <c>available_instances</c> now (the value changes as any process opens or closes queues).</summary>
    /// <returns>Free queues, or <see langword="null"/> when the device does not say.</returns>
    public int? ReadAvailableInstances() => UacceDeviceParser.ReadAvailableInstances(_source, null, out _);

    /// <summary>Opens a queue (a hardware queue in <see cref="UacceQueueState.Initialized"/>); dispose it to give it back.</summary>
    /// <exception cref="UacceException">No free queue, no permission, no character device, device removed or isolated; the message names the device and the cause.</exception>
    public UacceQueue OpenQueue() => _source.OpenQueue(Device);
}
