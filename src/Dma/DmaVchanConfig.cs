namespace AccelSdk.Dma;

/// <summary>A virtual channel's configuration for <see cref="DmaDevice.VchanSetup(int, DmaVchanConfig)"/> (DPDK's <c>struct rte_dma_vchan_conf</c>).</summary>
/// <remarks>
/// DPDK's port, auto-free and inter-domain parameters exist only for device-side transfers, which no driver of this
/// SDK offers; they are not modelled.
/// </remarks>
public sealed record DmaVchanConfig
{
    /// <summary>The transfer direction; the device must have the matching capability.</summary>
    public DmaDirection Direction { get; init; } = DmaDirection.MemToMem;

    /// <summary>Ring size in descriptors (jobs in flight), in [<see cref="DmaDeviceInfo.MinDesc"/>, <see cref="DmaDeviceInfo.MaxDesc"/>].</summary>
    public int NbDesc { get; init; }
}
