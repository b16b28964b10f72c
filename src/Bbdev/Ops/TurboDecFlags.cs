namespace AccelSdk.Bbdev;

/// <summary>
/// Turbo decoder op flags and capabilities (DPDK <c>enum rte_bbdev_op_td_flag_bitmasks</c>, same bit values; bit 8 is unused).
/// </summary>
[Flags]
public enum TurboDecFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Bit 0, <c>RTE_BBDEV_TURBO_SUBBLOCK_DEINTERLEAVE</c>: the input is the sub-block-interleaved circular buffer w_k; de-interleave it.</summary>
    SubblockDeinterleave = 1u << 0,

    /// <summary>Bit 1, <c>RTE_BBDEV_TURBO_CRC_TYPE_24B</c>: the code blocks carry CRC24B (otherwise CRC24A).</summary>
    CrcType24B = 1u << 1,

    /// <summary>Bit 2, <c>RTE_BBDEV_TURBO_EQUALIZER</c>: perform turbo equalization.</summary>
    Equalizer = 1u << 2,

    /// <summary>Bit 3, <c>RTE_BBDEV_TURBO_SOFT_OUT_SATURATE</c>: saturate the soft output to ±127.</summary>
    SoftOutSaturate = 1u << 3,

    /// <summary>Bit 4, <c>RTE_BBDEV_TURBO_HALF_ITERATION_EVEN</c>: start iterations from the even half-iteration.</summary>
    HalfIterationEven = 1u << 4,

    /// <summary>Bit 5, <c>RTE_BBDEV_TURBO_CONTINUE_CRC_MATCH</c>: after a CRC match, run to the end of the next odd iteration.</summary>
    ContinueCrcMatch = 1u << 5,

    /// <summary>Bit 6, <c>RTE_BBDEV_TURBO_SOFT_OUTPUT</c>: produce soft output.</summary>
    SoftOutput = 1u << 6,

    /// <summary>Bit 7, <c>RTE_BBDEV_TURBO_EARLY_TERMINATION</c>: stop iterating early (CRC-based).</summary>
    EarlyTermination = 1u << 7,

    /// <summary>Bit 9, <c>RTE_BBDEV_TURBO_DEC_INTERRUPTS</c>: capability: the device raises dequeue interrupts. Not accepted in vector files.</summary>
    DecInterrupts = 1u << 9,

    /// <summary>Bit 10, <c>RTE_BBDEV_TURBO_POS_LLR_1_BIT_IN</c>: input LLRs are positive for bit 1.</summary>
    PosLlr1BitIn = 1u << 10,

    /// <summary>Bit 11, <c>RTE_BBDEV_TURBO_NEG_LLR_1_BIT_IN</c>: input LLRs are negative for bit 1 (the LDPC convention).</summary>
    NegLlr1BitIn = 1u << 11,

    /// <summary>Bit 12, <c>RTE_BBDEV_TURBO_POS_LLR_1_BIT_SOFT_OUT</c>: soft output LLRs are positive for bit 1.</summary>
    PosLlr1BitSoftOut = 1u << 12,

    /// <summary>Bit 13, <c>RTE_BBDEV_TURBO_NEG_LLR_1_BIT_SOFT_OUT</c>: soft output LLRs are negative for bit 1.</summary>
    NegLlr1BitSoftOut = 1u << 13,

    /// <summary>Bit 14, <c>RTE_BBDEV_TURBO_MAP_DEC</c>: the device supports a configurable number of MAP engines (num_maps).</summary>
    MapDec = 1u << 14,

    /// <summary>Bit 15, <c>RTE_BBDEV_TURBO_DEC_SCATTER_GATHER</c>: capability: chained (segmented) buffers are accepted.</summary>
    DecScatterGather = 1u << 15,

    /// <summary>Bit 16, <c>RTE_BBDEV_TURBO_DEC_TB_CRC_24B_KEEP</c>: in transport-block mode keep each code block's CRC24B in the hard output.</summary>
    DecTbCrc24BKeep = 1u << 16,

    /// <summary>Bit 17, <c>RTE_BBDEV_TURBO_DEC_CRC_24B_DROP</c>: drop the CRC24B bits from the hard output.</summary>
    DecCrc24BDrop = 1u << 17,
}
