namespace AccelSdk.Core.Devices;

/// <summary>
/// A bus that finds devices and probes its registered drivers for them (DPDK's <c>rte_bus</c> scan + probe), such
/// as the UACCE bus. The registry calls <see cref="Probe"/> once when it is built.
/// </summary>
public interface IDeviceBus
{
    /// <summary>Bus name (<c>uacce</c>).</summary>
    string Name { get; }

    /// <summary>Scans for devices, creates a device for every one a driver matches and adds it to <paramref name="registry"/>.</summary>
    /// <returns>The number of devices added.</returns>
    int Probe(DeviceRegistry registry);
}
