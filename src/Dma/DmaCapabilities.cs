namespace AccelSdk.Dma;

/// <summary>
/// What a DMA device can do (DPDK's <c>RTE_DMA_CAPA_*</c> bits of <c>rte_dma_info.dev_capa</c>, same bit values).
/// </summary>
[Flags]
public enum DmaCapabilities : ulong
{
    /// <summary>No capability.</summary>
    None = 0,

    /// <summary>Memory-to-memory transfers (<c>RTE_DMA_CAPA_MEM_TO_MEM</c>).</summary>
    MemToMem = 1UL << 0,

    /// <summary>Memory-to-device transfers (<c>RTE_DMA_CAPA_MEM_TO_DEV</c>).</summary>
    MemToDev = 1UL << 1,

    /// <summary>Device-to-memory transfers (<c>RTE_DMA_CAPA_DEV_TO_MEM</c>).</summary>
    DevToMem = 1UL << 2,

    /// <summary>Device-to-device transfers (<c>RTE_DMA_CAPA_DEV_TO_DEV</c>).</summary>
    DevToDev = 1UL << 3,

    /// <summary>
    /// Shared virtual addressing (<c>RTE_DMA_CAPA_SVA</c>): any process address (heap, stack, native memory) may be
    /// handed to the device. Without it only memory registered with <see cref="DmaDevice.RegisterMemory"/> is reachable.
    /// </summary>
    Sva = 1UL << 4,

    /// <summary>Silent mode (<c>RTE_DMA_CAPA_SILENT</c>): the device runs without the application harvesting completions.</summary>
    Silent = 1UL << 5,

    /// <summary>
    /// The device reports bad jobs (<c>RTE_DMA_CAPA_HANDLES_ERRORS</c>): an unreachable address fails that job, with a
    /// status from <see cref="DmaDevice.CompletedStatus"/>, and the jobs after it still run.
    /// </summary>
    HandlesErrors = 1UL << 6,

    /// <summary>The device frees the source buffer after a memory-to-device copy (<c>RTE_DMA_CAPA_M2D_AUTO_FREE</c>).</summary>
    M2DAutoFree = 1UL << 7,

    /// <summary>Strict priority between devices (<c>RTE_DMA_CAPA_PRI_POLICY_SP</c>); see <see cref="DmaDeviceInfo.NbPriorities"/>.</summary>
    PriorityPolicySp = 1UL << 8,

    /// <summary>Transfers between processes (<c>RTE_DMA_CAPA_INTER_PROCESS_DOMAIN</c>).</summary>
    InterProcessDomain = 1UL << 9,

    /// <summary>Transfers between operating-system domains (<c>RTE_DMA_CAPA_INTER_OS_DOMAIN</c>).</summary>
    InterOsDomain = 1UL << 10,

    /// <summary>Copy jobs (<c>RTE_DMA_CAPA_OPS_COPY</c>): <see cref="DmaDevice.Copy"/>.</summary>
    OpsCopy = 1UL << 32,

    /// <summary>Scatter-gather copy jobs (<c>RTE_DMA_CAPA_OPS_COPY_SG</c>): <see cref="DmaDevice.CopySg"/>.</summary>
    OpsCopySg = 1UL << 33,

    /// <summary>Fill jobs (<c>RTE_DMA_CAPA_OPS_FILL</c>): <see cref="DmaDevice.Fill"/>.</summary>
    OpsFill = 1UL << 34,

    /// <summary>Op-structure enqueue/dequeue mode (<c>RTE_DMA_CAPA_OPS_ENQ_DEQ</c>); no driver of this SDK offers it.</summary>
    OpsEnqDeq = 1UL << 35,
}
