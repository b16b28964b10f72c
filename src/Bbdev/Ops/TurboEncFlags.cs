namespace AccelSdk.Bbdev;

/// <summary>
/// Turbo encoder op flags and capabilities (DPDK <c>enum rte_bbdev_op_te_flag_bitmasks</c>, same bit values).
/// </summary>
[Flags]
public enum TurboEncFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Bit 0, <c>RTE_BBDEV_TURBO_RV_INDEX_BYPASS</c>: ignore rv_index and start bit selection at k0 = 0.</summary>
    RvIndexBypass = 1u << 0,

    /// <summary>Bit 1, <c>RTE_BBDEV_TURBO_RATE_MATCH</c>: rate-match the three encoded streams to E bits (TS 36.212 5.1.4.1).</summary>
    RateMatch = 1u << 1,

    /// <summary>Bit 2, <c>RTE_BBDEV_TURBO_CRC_24B_ATTACH</c>: compute and append the code-block CRC24B.</summary>
    Crc24BAttach = 1u << 2,

    /// <summary>Bit 3, <c>RTE_BBDEV_TURBO_CRC_24A_ATTACH</c>: compute and append the transport-block CRC24A.</summary>
    Crc24AAttach = 1u << 3,

    /// <summary>Bit 4, <c>RTE_BBDEV_TURBO_ENC_INTERRUPTS</c>: capability: the device raises dequeue interrupts. Not accepted in vector files.</summary>
    EncInterrupts = 1u << 4,

    /// <summary>Bit 5, <c>RTE_BBDEV_TURBO_ENC_SCATTER_GATHER</c>: capability: chained (segmented) buffers are accepted.</summary>
    EncScatterGather = 1u << 5,
}
