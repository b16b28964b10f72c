using AccelSdk.Bbdev;
using AccelSdk.Core.Devices;
using AccelSdk.Qdma.Hardware;
using AccelSdk.Qdma.Queues;
using AccelSdk.Uacce.Drivers;
using AccelSdk.Uacce.Queues;

namespace AccelSdk.Qdma.Baseband;

/// <summary>
/// The <c>baseband_qdma</c> bbdev driver: LDPC encode and decode offloaded to a FEC accelerator driven through
/// QDMA-style descriptor queues, found on the UACCE bus by its api (<c>qdma_fec_v1</c>). One bbdev device per UACCE
/// device, named after it; one hardware queue (an H2C ring, a C2H ring and a completion ring) per bbdev queue.
/// </summary>
/// <remarks>
/// The driver uses only the UACCE queue contract (regions, doorbells, the queue-info ioctl, reset words) and the
/// bbdev driver interface, so it runs unchanged on a kernel UACCE device with this api and on the in-process QDMA
/// FEC device model. Register it with <c>AddBasebandQdma()</c>.
/// Devargs (from the UACCE allow list, <c>qdma_fec-0,max_queues=4</c>): see <see cref="ArgumentHelp"/>.
/// </remarks>
public sealed class BasebandQdmaDriver : IUacceDriver
{
    /// <summary>The driver name.</summary>
    public const string DriverName = "baseband_qdma";

    private const int DefaultStopTimeoutMilliseconds = 2000;

    /// <inheritdoc />
    public string Name => DriverName;

    /// <inheritdoc />
    public DeviceClass Class => DeviceClass.Bbdev;

    /// <summary>Drives devices whose api is <c>qdma_fec_v1</c> (any algorithm set; the queue info says which pipelines exist).</summary>
    public IReadOnlyList<UacceDriverId> IdTable { get; } = [new UacceDriverId(QdmaFecApi.Api)];

    /// <summary>Devices without an IOMMU are supported: every buffer address is translated through the device's address space.</summary>
    public UacceDriverFlags Flags => UacceDriverFlags.SupportsNoIommu;

    /// <inheritdoc />
    public IReadOnlyList<string> ArgumentHelp { get; } =
    [
        "max_queues=N (1..128; default: the device's free hardware queues)",
        $"stop_timeout_ms=N (1..60000, default {DefaultStopTimeoutMilliseconds}: how long a queue stop waits for jobs in flight)",
    ];

    /// <summary>
    /// Creates the bbdev device for a QDMA FEC UACCE device: opens one hardware queue briefly to read the queue
    /// geometry and the engine's capabilities, then closes it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The device's queue layout is unusable; the message says why.</exception>
    public IReadOnlyList<IAccelDevice> Probe(UacceDeviceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!BitConverter.IsLittleEndian)
        {
            throw new InvalidOperationException($"UACCE device {context.Device.Name}: the QDMA descriptor layouts are little-endian; this driver runs on little-endian hosts only.");
        }

        int free = context.ReadAvailableInstances() ?? 16;
        int maxQueues = context.Arguments.GetInt32("max_queues", Math.Clamp(free, 1, 128), 1, 128);
        int stopMs = context.Arguments.GetInt32("stop_timeout_ms", DefaultStopTimeoutMilliseconds, 1, 60_000);
        context.Arguments.ThrowIfUnused(DriverName, ArgumentHelp);

        QdmaQueueGeometry geometry;
        using (UacceQueue queue = context.OpenQueue())
        {
            geometry = QdmaQueuePair.ReadGeometry(queue);
        }

        string? problem = geometry.Validate(context.Device.DusRegionSize, context.Device.MmioRegionSize);
        if (problem is not null)
        {
            throw new InvalidOperationException($"UACCE device {context.Device.Name}: {problem}.");
        }

        if ((geometry.Features & (QdmaFeatures.LdpcEncode | QdmaFeatures.LdpcDecode | QdmaFeatures.TurboEncode | QdmaFeatures.TurboDecode)) == 0)
        {
            return [];
        }

        var device = new QdmaDevice(context, geometry, maxQueues, TimeSpan.FromMilliseconds(stopMs));
        return [BbdevDevice.Create(context.Device.Name, device)];
    }
}
