using AccelSdk.Core.Devices;

namespace AccelSdk.Uacce.Drivers;

/// <summary>
/// A class driver for UACCE devices (DPDK's <c>rte_uacce_driver</c>): a bbdev, dmadev or cryptodev driver that runs
/// on UACCE queues. Register it with <c>AddUacceDriver&lt;T&gt;()</c>; the bus probes it for every device whose api
/// and algorithms match its <see cref="IdTable"/>.
/// </summary>
/// <remarks>
/// Removal: the registry disposes every device a driver returned (on shutdown, or when the bus unplugs the UACCE
/// device); a device's <see cref="IDisposable.Dispose"/> must stop its queues and dispose every
/// <see cref="Queues.UacceQueue"/> it opened.
/// </remarks>
public interface IUacceDriver
{
    /// <summary>Driver name (<c>baseband_qdma</c>, <c>dma_uacce</c>); devices report it as their driver.</summary>
    string Name { get; }

    /// <summary>Class of the devices it creates.</summary>
    DeviceClass Class { get; }

    /// <summary>The apis (and algorithm sets) it drives; the first entry that matches a device wins.</summary>
    IReadOnlyList<UacceDriverId> IdTable { get; }

    /// <summary>Matching options: forward compatibility with newer api versions, support for devices without an IOMMU.</summary>
    UacceDriverFlags Flags { get; }

    /// <summary>One line per devargs key the driver accepts (<c>queues=N (default 1)</c>), for help output.</summary>
    IReadOnlyList<string> ArgumentHelp { get; }

    /// <summary>
    /// Creates the class device(s) for one matching UACCE device. The driver keeps <paramref name="context"/> to open
    /// queues when its device is configured; it may open none during probe.
    /// </summary>
    /// <param name="context">The device description, its devargs from the allow list, its address space and queue opener.</param>
    /// <returns>The devices to add to the registry (DPDK's hisi_acc creates one per queue); empty to decline the device.</returns>
    /// <exception cref="Exception">Any exception marks the UACCE device as unusable by this driver; the bus logs it and goes on.</exception>
    IReadOnlyList<IAccelDevice> Probe(UacceDeviceContext context);
}
