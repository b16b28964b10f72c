namespace AccelSdk.Dma;

/// <summary>
/// A device's identity, capabilities and limits (DPDK's <c>struct rte_dma_info</c>). Drivers report the constant part
/// through <see cref="Driver.DmaDeviceOperations.Info"/>; <see cref="DmaDevice.GetInfo"/> adds the name, NUMA node and
/// configured channel count.
/// </summary>
public sealed record DmaDeviceInfo
{
    /// <summary>Device name (<c>dma_sw0</c>, <c>hisi_zip-0-dma0</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The driver's name (<c>dma_sw</c>, <c>dma_uacce</c>).</summary>
    public required string DriverName { get; init; }

    /// <summary>What the device can do.</summary>
    public DmaCapabilities Capabilities { get; init; }

    /// <summary>Most virtual channels <see cref="DmaDevice.Configure(DmaConfig)"/> accepts, at least 1.</summary>
    public int MaxVchans { get; init; } = 1;

    /// <summary>Largest ring size (<see cref="DmaVchanConfig.NbDesc"/>) accepted.</summary>
    public int MaxDesc { get; init; }

    /// <summary>Smallest ring size accepted.</summary>
    public int MinDesc { get; init; }

    /// <summary>Most entries in each scatter-gather list of <see cref="DmaDevice.CopySg"/>; 0 without <see cref="DmaCapabilities.OpsCopySg"/>.</summary>
    public int MaxSges { get; init; }

    /// <summary>Longest job in bytes (copy or fill length, or one scatter-gather entry). Not in DPDK's struct: its drivers check it themselves.</summary>
    public int MaxLength { get; init; } = int.MaxValue;

    /// <summary>Priority levels with <see cref="DmaCapabilities.PriorityPolicySp"/> (more than 1), else 0.</summary>
    public int NbPriorities { get; init; }

    /// <summary>NUMA node of the device, or −1 when unknown.</summary>
    public int NumaNode { get; init; } = -1;

    /// <summary>Virtual channels configured now (0 before <see cref="DmaDevice.Configure(DmaConfig)"/>).</summary>
    public int NbVchans { get; init; }

    /// <summary>What executes the jobs, for reports (<c>engine thread, AVX2 (256-bit) copy</c>).</summary>
    public string Engine { get; init; } = string.Empty;

    /// <summary>Whether every bit of <paramref name="capabilities"/> is present.</summary>
    public bool Has(DmaCapabilities capabilities) => (Capabilities & capabilities) == capabilities;
}
