namespace AccelSdk.Bbdev;

/// <summary>
/// LDPC decoder op flags and capabilities (DPDK <c>enum rte_bbdev_op_ldpcdec_flag_bitmasks</c>, same bit values).
/// </summary>
[Flags]
public enum LdpcDecFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Bit 0, <c>RTE_BBDEV_LDPC_CRC_TYPE_24A_CHECK</c>: check the CRC24A in the last 24 decoded bits; a mismatch sets <see cref="BbdevOpStatus.CrcError"/>.</summary>
    Crc24ACheck = 1u << 0,

    /// <summary>Bit 1, <c>RTE_BBDEV_LDPC_CRC_TYPE_24B_CHECK</c>: check the code-block CRC24B in the last 24 decoded bits.</summary>
    Crc24BCheck = 1u << 1,

    /// <summary>Bit 2, <c>RTE_BBDEV_LDPC_CRC_TYPE_24B_DROP</c>: do not write the last 24 decoded bits (the CRC) to the hard output.</summary>
    Crc24BDrop = 1u << 2,

    /// <summary>Bit 3, <c>RTE_BBDEV_LDPC_CRC_TYPE_16_CHECK</c>: check a CRC16 in the last 16 decoded bits.</summary>
    Crc16Check = 1u << 3,

    /// <summary>Bit 4, <c>RTE_BBDEV_LDPC_DEINTERLEAVER_BYPASS</c>: the input LLRs are not bit-interleaved; skip de-interleaving.</summary>
    DeinterleaverBypass = 1u << 4,

    /// <summary>Bit 5, <c>RTE_BBDEV_LDPC_HQ_COMBINE_IN_ENABLE</c>: add the HARQ combined input into the circular buffer before decoding.</summary>
    HqCombineInEnable = 1u << 5,

    /// <summary>Bit 6, <c>RTE_BBDEV_LDPC_HQ_COMBINE_OUT_ENABLE</c>: write the combined circular buffer to the HARQ combined output.</summary>
    HqCombineOutEnable = 1u << 6,

    /// <summary>Bit 7, <c>RTE_BBDEV_LDPC_DECODE_BYPASS</c>: only de-rate-match and HARQ-combine, do not decode (needs <see cref="HqCombineOutEnable"/>).</summary>
    DecodeBypass = 1u << 7,

    /// <summary>Bit 8, <c>RTE_BBDEV_LDPC_SOFT_OUT_ENABLE</c>: produce soft output (APP LLRs of the coded bits).</summary>
    SoftOutEnable = 1u << 8,

    /// <summary>Bit 9, <c>RTE_BBDEV_LDPC_SOFT_OUT_RM_BYPASS</c>: soft output without rate matching (circular-buffer domain).</summary>
    SoftOutRmBypass = 1u << 9,

    /// <summary>Bit 10, <c>RTE_BBDEV_LDPC_SOFT_OUT_DEINTERLEAVER_BYPASS</c>: soft output not re-interleaved.</summary>
    SoftOutDeinterleaverBypass = 1u << 10,

    /// <summary>Bit 11, <c>RTE_BBDEV_LDPC_ITERATION_STOP_ENABLE</c>: early termination: stop once the syndrome check passes.</summary>
    IterationStopEnable = 1u << 11,

    /// <summary>Bit 12, <c>RTE_BBDEV_LDPC_DEC_INTERRUPTS</c>: capability: the device raises dequeue interrupts.</summary>
    DecInterrupts = 1u << 12,

    /// <summary>Bit 13, <c>RTE_BBDEV_LDPC_DEC_SCATTER_GATHER</c>: capability: chained (segmented) buffers are accepted.</summary>
    DecScatterGather = 1u << 13,

    /// <summary>Bit 14, <c>RTE_BBDEV_LDPC_HARQ_6BIT_COMPRESSION</c>: HARQ input and output are packed 6 bits per LLR.</summary>
    Harq6BitCompression = 1u << 14,

    /// <summary>Bit 15, <c>RTE_BBDEV_LDPC_LLR_COMPRESSION</c>: input LLRs are packed 6 bits each (ceil(3E/4) bytes).</summary>
    LlrCompression = 1u << 15,

    /// <summary>Bit 16, <c>RTE_BBDEV_LDPC_INTERNAL_HARQ_MEMORY_IN_ENABLE</c>: read the HARQ input from device memory.</summary>
    InternalHarqMemoryInEnable = 1u << 16,

    /// <summary>Bit 17, <c>RTE_BBDEV_LDPC_INTERNAL_HARQ_MEMORY_OUT_ENABLE</c>: write the HARQ output to device memory.</summary>
    InternalHarqMemoryOutEnable = 1u << 17,

    /// <summary>Bit 18, <c>RTE_BBDEV_LDPC_INTERNAL_HARQ_MEMORY_LOOPBACK</c>: copy HARQ data between host and device memory, no decoding.</summary>
    InternalHarqMemoryLoopback = 1u << 18,

    /// <summary>Bit 19, <c>RTE_BBDEV_LDPC_INTERNAL_HARQ_MEMORY_FILLERS</c>: capability only: device HARQ buffers hold the filler positions. Not accepted in vector files.</summary>
    InternalHarqMemoryFillers = 1u << 19,

    /// <summary>Bit 20, <c>RTE_BBDEV_LDPC_HARQ_4BIT_COMPRESSION</c>: HARQ input and output are packed 4 bits per LLR.</summary>
    Harq4BitCompression = 1u << 20,
}
