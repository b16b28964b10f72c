namespace AccelSdk.Dma;

/// <summary>The outcome of one job, as reported by <see cref="DmaDevice.CompletedStatus"/> (DPDK's <c>enum rte_dma_status_code</c>, same values).</summary>
public enum DmaStatus : ushort
{
    /// <summary>The job completed successfully.</summary>
    Successful = 0,

    /// <summary>The job was aborted by the application: enqueued but never submitted when the device stopped.</summary>
    UserAbort = 1,

    /// <summary>The job was not attempted because of an earlier failure.</summary>
    NotAttempted = 2,

    /// <summary>The source address could not be reached.</summary>
    InvalidSrcAddr = 3,

    /// <summary>The destination address could not be reached.</summary>
    InvalidDstAddr = 4,

    /// <summary>An address (source or destination) could not be reached.</summary>
    InvalidAddr = 5,

    /// <summary>The length was not valid for the device.</summary>
    InvalidLength = 6,

    /// <summary>The descriptor held an operation the device does not know.</summary>
    InvalidOpcode = 7,

    /// <summary>A bus read failed.</summary>
    BusReadError = 8,

    /// <summary>A bus write failed.</summary>
    BusWriteError = 9,

    /// <summary>A bus error of unknown direction.</summary>
    BusError = 10,

    /// <summary>The data was poisoned (DPDK spells it <c>RTE_DMA_STATUS_DATA_POISION</c>).</summary>
    DataPoison = 11,

    /// <summary>The device could not read the descriptor.</summary>
    DescriptorReadError = 12,

    /// <summary>The device link failed.</summary>
    DevLinkError = 13,

    /// <summary>A page fault on an address of the job.</summary>
    PageFault = 14,

    /// <summary>Any other error; also the status of jobs a faulted device never completed.</summary>
    ErrorUnknown = 0x100,
}
