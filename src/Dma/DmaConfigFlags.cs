namespace AccelSdk.Dma;

/// <summary>Device configuration flags (DPDK's <c>RTE_DMA_CFG_FLAG_*</c> of <c>rte_dma_conf.flags</c>, same values).</summary>
[Flags]
public enum DmaConfigFlags : ulong
{
    /// <summary>No flag: the application harvests completions.</summary>
    None = 0,

    /// <summary>
    /// Silent mode (<c>RTE_DMA_CFG_FLAG_SILENT</c>): the application never calls the completion functions; the device
    /// recycles its descriptors itself. Needs <see cref="DmaCapabilities.Silent"/>.
    /// </summary>
    Silent = 1UL << 0,
}
