namespace AccelSdk.Dma;

/// <summary>The direction of a virtual channel's transfers (DPDK's <c>enum rte_dma_direction</c>, same values).</summary>
public enum DmaDirection
{
    /// <summary>Memory to memory (<c>RTE_DMA_DIR_MEM_TO_MEM</c>); needs <see cref="DmaCapabilities.MemToMem"/>.</summary>
    MemToMem = 0,

    /// <summary>Memory to a device's memory (<c>RTE_DMA_DIR_MEM_TO_DEV</c>); needs <see cref="DmaCapabilities.MemToDev"/>.</summary>
    MemToDev = 1,

    /// <summary>A device's memory to memory (<c>RTE_DMA_DIR_DEV_TO_MEM</c>); needs <see cref="DmaCapabilities.DevToMem"/>.</summary>
    DevToMem = 2,

    /// <summary>Between devices' memories (<c>RTE_DMA_DIR_DEV_TO_DEV</c>); needs <see cref="DmaCapabilities.DevToDev"/>.</summary>
    DevToDev = 3,
}
