using AccelSdk.Core.Devices;

namespace AccelSdk.Dma.Drivers.Software;

/// <summary>
/// Creates software DMA devices (<c>dma_sw0</c>, alias <c>dma_skeleton</c> after DPDK's software dmadev): an engine
/// thread per device executes each vchan's jobs from a lockless ring with vectorised copy and fill kernels, while
/// the application thread only enqueues and harvests — the embedded default when no DMA hardware is present.
/// </summary>
/// <remarks>
/// Capabilities: memory-to-memory copy, scatter-gather copy and fill, silent mode, and either shared virtual
/// addressing (default: any address is used as given, as by <c>memcpy</c>) or, with <c>check_addresses=1</c>,
/// per-job address checks against memory registered with <see cref="DmaDevice.RegisterMemory"/> (HandlesErrors).
/// </remarks>
public sealed class DmaSoftwareDriver : IDeviceDriver
{
    /// <summary>The driver name.</summary>
    public const string DriverName = "dma_sw";

    /// <inheritdoc />
    public string Name => DriverName;

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = ["dma_skeleton"];

    /// <inheritdoc />
    public DeviceClass Class => DeviceClass.Dma;

    /// <inheritdoc />
    public IReadOnlyList<string> ArgumentHelp => SoftwareDmaOptions.Help;

    /// <inheritdoc />
    public IAccelDevice Create(string deviceName, DeviceArguments arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceName);
        ArgumentNullException.ThrowIfNull(arguments);
        SoftwareDmaOptions options = SoftwareDmaOptions.Parse(arguments);
        return DmaDevice.Create(deviceName, new SoftwareDmaOperations(deviceName, options));
    }
}
