namespace AccelSdk.Bbdev;

/// <summary>
/// LDPC encoder op flags and capabilities (DPDK <c>enum rte_bbdev_op_ldpcenc_flag_bitmasks</c>, same bit values).
/// </summary>
[Flags]
public enum LdpcEncFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Bit 0, <c>RTE_BBDEV_LDPC_INTERLEAVER_BYPASS</c>: skip the bit interleaver of TS 38.212 5.4.2.2; the output is the bit-selection output e.</summary>
    InterleaverBypass = 1u << 0,

    /// <summary>Bit 1, <c>RTE_BBDEV_LDPC_RATE_MATCH</c>: rate-match (bit selection to E bits, TS 38.212 5.4.2.1).</summary>
    RateMatch = 1u << 1,

    /// <summary>Bit 2, <c>RTE_BBDEV_LDPC_CRC_24A_ATTACH</c>: compute and append the transport-block CRC24A to the input.</summary>
    Crc24AAttach = 1u << 2,

    /// <summary>Bit 3, <c>RTE_BBDEV_LDPC_CRC_24B_ATTACH</c>: compute and append the code-block CRC24B to the input.</summary>
    Crc24BAttach = 1u << 3,

    /// <summary>Bit 4, <c>RTE_BBDEV_LDPC_CRC_16_ATTACH</c>: compute and append CRC16 to the input.</summary>
    Crc16Attach = 1u << 4,

    /// <summary>Bit 5, <c>RTE_BBDEV_LDPC_ENC_INTERRUPTS</c>: capability: the device raises dequeue interrupts.</summary>
    EncInterrupts = 1u << 5,

    /// <summary>Bit 6, <c>RTE_BBDEV_LDPC_ENC_SCATTER_GATHER</c>: capability: chained (segmented) input buffers are accepted.</summary>
    EncScatterGather = 1u << 6,

    /// <summary>Bit 7, <c>RTE_BBDEV_LDPC_ENC_CONCATENATION</c>: capability: transport-block outputs of non-byte-aligned E are bit-concatenated.</summary>
    EncConcatenation = 1u << 7,
}
