using AccelSdk.Core.Devices;
using AccelSdk.Uacce.Drivers;
using Microsoft.Extensions.Logging;

namespace AccelSdk.Dma.Drivers.Uacce;

/// <summary>
/// The <c>dma_uacce</c> driver, after DPDK's <c>dma/hisi_acc</c>: claims UACCE devices with api <c>hisi_qm_v5</c> (and
/// later versions) that offer the <c>udma</c> algorithm, and creates <c>queues=N</c> DMA devices named
/// <c>&lt;uacce-name&gt;-dma&lt;i&gt;</c>, each on one hardware queue: 128-byte submission entries and phase-tagged
/// completion entries in the DUS region, a 64-bit doorbell in the MMIO region. Runs unchanged on a kernel device and
/// on the in-process <see cref="Models.HisiDmaModel"/>.
/// </summary>
/// <remarks>
/// Capabilities: memory-to-memory copy and fill, one vchan, ring size = the queue depth, jobs up to 16 MiB − 1, and
/// per-job failures (an unreachable address or an engine error) reported by <see cref="DmaDevice.CompletedStatus"/>.
/// Unlike hisi_acc it also drives devices without an IOMMU, translating every address through the device's address
/// space (memory must then be registered with <see cref="DmaDevice.RegisterMemory"/>).
/// </remarks>
public sealed partial class DmaUacceDriver : IUacceDriver
{
    /// <summary>The driver name.</summary>
    public const string DriverName = "dma_uacce";

    /// <inheritdoc />
    public string Name => DriverName;

    /// <inheritdoc />
    public DeviceClass Class => DeviceClass.Dma;

    /// <inheritdoc />
    public IReadOnlyList<UacceDriverId> IdTable { get; } = [new UacceDriverId("hisi_qm_v5", "udma")];

    /// <inheritdoc />
    public UacceDriverFlags Flags => UacceDriverFlags.ForwardCompatible | UacceDriverFlags.SupportsNoIommu;

    /// <inheritdoc />
    public IReadOnlyList<string> ArgumentHelp { get; } = ["queues=N (1..1024, default 1; at most the device's free queues)"];

    /// <inheritdoc />
    public IReadOnlyList<IAccelDevice> Probe(UacceDeviceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ILogger logger = context.LoggerFactory.CreateLogger<DmaUacceDriver>();
        int requested = context.Arguments.GetInt32("queues", 1, 1, 1024);
        context.Arguments.ThrowIfUnused(DriverName, ArgumentHelp);
        int available = context.ReadAvailableInstances() ?? 0;
        if (available <= 0)
        {
            throw new InvalidOperationException($"UACCE device {context.Device.Name} has no free queue (available_instances {available}).");
        }

        int queues = requested;
        if (queues > available)
        {
            LogQueuesClamped(logger, context.Device.Name, requested, available);
            queues = available;
        }

        var devices = new List<IAccelDevice>(queues);
        for (int i = 0; i < queues; i++)
        {
            string name = $"{context.Device.Name}-dma{i}";
            try
            {
                devices.Add(DmaDevice.Create(name, UacceDmaOperations.Open(context, name)));
            }
            catch (Exception ex) when (devices.Count > 0 && ex is not OutOfMemoryException)
            {
                // hisi_acc's rule: once one device exists, a later failure ends the probe with what was created.
                LogQueueFailed(logger, name, ex.Message);
                break;
            }
        }

        return devices;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "UACCE device {Device}: queues={Requested} is more than its {Available} free queues; creating {Available}")]
    private static partial void LogQueuesClamped(ILogger logger, string device, int requested, int available);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "DMA device {Device} not created: {Reason}")]
    private static partial void LogQueueFailed(ILogger logger, string device, string reason);
}
