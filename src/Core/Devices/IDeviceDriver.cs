namespace AccelSdk.Core.Devices;

/// <summary>
/// A driver that creates virtual devices by name and arguments (DPDK's <c>--vdev name,key=value</c>).
/// Bus drivers (UACCE) find their devices by probing instead.
/// </summary>
public interface IDeviceDriver
{
    /// <summary>Driver name; a device name that starts with it selects this driver (<c>baseband_sw</c> creates <c>baseband_sw0</c>).</summary>
    string Name { get; }

    /// <summary>Other names accepted for the driver (DPDK keeps aliases such as <c>turbo_sw</c>).</summary>
    IReadOnlyList<string> Aliases { get; }

    /// <summary>The class of the devices this driver creates.</summary>
    DeviceClass Class { get; }

    /// <summary>One line per accepted argument, for help output (<c>max_queues=N (default 16)</c>).</summary>
    IReadOnlyList<string> ArgumentHelp { get; }

    /// <summary>Creates a device.</summary>
    /// <param name="deviceName">Unique name for the new device.</param>
    /// <param name="arguments">Parsed arguments; the driver must reject unknown keys.</param>
    /// <exception cref="ArgumentException">An argument is unknown or out of range (the message names it).</exception>
    IAccelDevice Create(string deviceName, DeviceArguments arguments);
}
