using AccelSdk.Uacce;

namespace AccelSdk.Dma.Models;

/// <summary>How the in-process HiSilicon data-move device (<see cref="HisiDmaModel"/>) presents itself and runs.</summary>
public sealed class HisiDmaModelOptions
{
    /// <summary>The interface name; the device is <c>&lt;InterfaceName&gt;-&lt;id&gt;</c>. Default <c>hisi_zip</c> (the ZIP engine hosts the data-move function).</summary>
    public string InterfaceName { get; set; } = "hisi_zip";

    /// <summary>The api published. Default <c>hisi_qm_v5</c>, what DPDK's hisi_acc matches.</summary>
    public string Api { get; set; } = "hisi_qm_v5";

    /// <summary>Hardware queues (one per DMA device the driver creates), in [1, 1024]. Default 4.</summary>
    public int QueueCount { get; set; } = 4;

    /// <summary>Submission and completion ring depth: a power of two in [128, 32768]. Default 1024.</summary>
    public int Depth { get; set; } = 1024;

    /// <summary>Whether the device uses shared virtual addressing (default) or works without an IOMMU (bus addresses from a table).</summary>
    public UacceAddressMode AddressMode { get; set; } = UacceAddressMode.Sva;

    /// <summary>
    /// Under SVA, whether only memory registered with the device's address space is reachable (default
    /// <see langword="true"/>: an unregistered address fails its job, as an IOMMU fault would, instead of touching
    /// memory). <see langword="false"/> reaches any non-null address, like real SVA hardware.
    /// </summary>
    public bool RequireRegisteredMemory { get; set; } = true;

    /// <summary>Engine threads serving the queues, in [1, 64]. Default 1.</summary>
    public int EngineCount { get; set; } = 1;

    /// <summary>Submission entries an engine processes per turn before it looks at its other queues, in [1, 4096]. Default 64.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>
    /// Empty polls before an idle engine sleeps, in [0, 1000000] (see <c>UacceDeviceModelOptions.IdleSpinCount</c>). Default 0:
    /// sleep at once and let the doorbell wake the engine — on a shared host an idle engine's spinning takes the CPU from
    /// the application that would ring it (measured with <c>accel dma-perf --uacce-model</c> on a 2-vCPU VM).
    /// </summary>
    public int IdleSpinCount { get; set; }

    internal void Validate()
    {
        Check(QueueCount, 1, 1024, nameof(QueueCount));
        Check(EngineCount, 1, 64, nameof(EngineCount));
        Check(BatchSize, 1, 4096, nameof(BatchSize));
        Check(IdleSpinCount, 0, 1_000_000, nameof(IdleSpinCount));
        if (Depth < 128 || Depth > 32768 || !int.IsPow2(Depth))
        {
            throw new ArgumentOutOfRangeException(nameof(Depth), Depth, $"{nameof(Depth)} must be a power of two in [128, 32768]; got {Depth}.");
        }

        if (AddressMode is not (UacceAddressMode.Sva or UacceAddressMode.NoIommu))
        {
            throw new ArgumentOutOfRangeException(nameof(AddressMode), AddressMode, $"{nameof(AddressMode)} must be Sva or NoIommu.");
        }
    }

    private static void Check(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}]; got {value}.");
        }
    }
}
