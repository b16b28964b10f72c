namespace AccelSdk.Bbdev;

/// <summary>
/// Per-operation result bits (DPDK's <c>op-&gt;status</c>, one bit per <c>RTE_BBDEV_*_ERROR</c> index);
/// <see cref="None"/> means success.
/// </summary>
[Flags]
public enum BbdevOpStatus
{
    /// <summary>0: the operation succeeded.</summary>
    None = 0,

    /// <summary>Bit 0, <c>RTE_BBDEV_DRV_ERROR</c>: driver, DMA or descriptor error. Vector token <c>DMA</c>.</summary>
    DriverError = 1 << 0,

    /// <summary>Bit 1, <c>RTE_BBDEV_DATA_ERROR</c>: bad input, buffer or parameters. Vector token <c>FCW</c>.</summary>
    DataError = 1 << 1,

    /// <summary>Bit 2, <c>RTE_BBDEV_CRC_ERROR</c>: a requested CRC check failed. Vector token <c>CRC</c> (decoders only).</summary>
    CrcError = 1 << 2,

    /// <summary>Bit 3, <c>RTE_BBDEV_SYNDROME_ERROR</c>: the LDPC parity check is not satisfied after the last iteration. Vector token <c>SYN</c>.</summary>
    SyndromeError = 1 << 3,

    /// <summary>Bit 4, <c>RTE_BBDEV_ENGINE_ERROR</c>: the processing engine failed (no vector token exists for it).</summary>
    EngineError = 1 << 4,
}
