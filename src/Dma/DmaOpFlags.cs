namespace AccelSdk.Dma;

/// <summary>Flags of one enqueued job (DPDK's <c>RTE_DMA_OP_FLAG_*</c>, same bit values). Other bits are ignored.</summary>
[Flags]
public enum DmaOpFlags
{
    /// <summary>No flag: the job waits for a later <see cref="Submit"/> flag or <see cref="DmaDevice.Submit"/> call.</summary>
    None = 0,

    /// <summary>
    /// The job starts only after every earlier job of the virtual channel has completed (<c>RTE_DMA_OP_FLAG_FENCE</c>).
    /// The drivers of this SDK execute each channel's jobs in order, so every job is fenced already.
    /// </summary>
    Fence = 1 << 0,

    /// <summary>
    /// Ring the doorbell after this job (<c>RTE_DMA_OP_FLAG_SUBMIT</c>): the same as calling <see cref="DmaDevice.Submit"/>
    /// right after it.
    /// </summary>
    Submit = 1 << 1,

    /// <summary>
    /// Hint: leave the written data in the last-level cache (<c>RTE_DMA_OP_FLAG_LLC</c>), because the CPU reads it
    /// soon. Never an error; a device may ignore it.
    /// </summary>
    Llc = 1 << 2,
}
