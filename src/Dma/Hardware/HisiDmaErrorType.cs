namespace AccelSdk.Dma.Hardware;

/// <summary>
/// The <c>err_type</c> values of a failed job's write-back word. HiSilicon does not publish its codes (and DPDK's
/// hisi_acc reports every failure as <c>ERROR_UNKNOWN</c>); these are the in-process device model's, and the driver maps
/// them to <see cref="DmaStatus"/> values, any other code to <see cref="DmaStatus.ErrorUnknown"/>.
/// </summary>
internal enum HisiDmaErrorType : byte
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The source block is not reachable (an IOMMU fault on the read).</summary>
    SourceFault = 0x01,

    /// <summary>The destination block is not reachable (an IOMMU fault on the write).</summary>
    DestinationFault = 0x02,

    /// <summary><c>data_size</c> is 0.</summary>
    BadLength = 0x03,

    /// <summary>The entry is not a valid data-move descriptor (type, task, invalid bit, multi-address mode).</summary>
    BadDescriptor = 0x04,

    /// <summary>The engine failed the job (injected by tests).</summary>
    EngineError = 0x05,
}
