namespace AccelSdk.Dma;

/// <summary>A device configuration for <see cref="DmaDevice.Configure(DmaConfig)"/> (DPDK's <c>struct rte_dma_conf</c>).</summary>
public sealed record DmaConfig
{
    /// <summary>Virtual channels to create, in [1, <see cref="DmaDeviceInfo.MaxVchans"/>].</summary>
    public int NbVchans { get; init; } = 1;

    /// <summary>
    /// Priority of the device among devices sharing an engine, in [0, <see cref="DmaDeviceInfo.NbPriorities"/>) when
    /// the device has <see cref="DmaCapabilities.PriorityPolicySp"/>; otherwise it must be 0.
    /// </summary>
    public int Priority { get; init; }

    /// <summary>Configuration flags; unknown bits are rejected.</summary>
    public DmaConfigFlags Flags { get; init; }

    /// <summary>Whether <see cref="DmaConfigFlags.Silent"/> is set.</summary>
    public bool Silent => (Flags & DmaConfigFlags.Silent) != 0;
}
