namespace AccelSdk.Core.Devices;

/// <summary>What every device of every class exposes to the registry and to tools such as <c>accel devices</c>.</summary>
public interface IAccelDevice : IDisposable
{
    /// <summary>Unique device name (for example <c>baseband_sw0</c>).</summary>
    string Name { get; }

    /// <summary>Name of the driver that created the device (for example <c>baseband_sw</c>).</summary>
    string DriverName { get; }

    /// <summary>The device class.</summary>
    DeviceClass Class { get; }

    /// <summary>NUMA node of the device's memory and queues, or −1 when unknown.</summary>
    int NumaNode { get; }

    /// <summary>Current lifecycle state.</summary>
    DeviceState State { get; }

    /// <summary>Number of queues set up (0 before setup).</summary>
    int QueueCount { get; }

    /// <summary>Where the device lives: <c>vdev</c> for software devices, or the bus and its device path.</summary>
    string Location { get; }
}
