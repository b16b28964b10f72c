namespace AccelSdk.Dma;

/// <summary>What a virtual channel is doing (DPDK's <c>enum rte_dma_vchan_status</c>, same values).</summary>
public enum DmaVchanStatus
{
    /// <summary>Every submitted job has been processed.</summary>
    Idle = 0,

    /// <summary>Submitted jobs are still being processed.</summary>
    Active = 1,

    /// <summary>The channel stopped because of a device error; stop and start the device to recover.</summary>
    HaltedError = 2,
}
