namespace AccelSdk.Qdma.Hardware;

/// <summary>
/// Turbo decoder op-flag bits as the device reads them from <see cref="QdmaH2cDescriptor.OpFlags"/> of a
/// <see cref="QdmaOpcode.TurboDecode"/> job (bbdev's numbering, DPDK <c>RTE_BBDEV_TURBO_*</c> decoder bits).
/// </summary>
[Flags]
internal enum QdmaTurboDecodeFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Bit 0: the input is the sub-block interleaved circular buffer (else the three streams in turn).</summary>
    SubblockDeinterleave = 1u << 0,

    /// <summary>Bit 1: the code block ends with CRC24B (else CRC24A).</summary>
    CrcType24B = 1u << 1,

    /// <summary>Bit 3: soft output saturates (it always does; accepted).</summary>
    SoftOutSaturate = 1u << 3,

    /// <summary>Bit 6: write the soft output (the C2H HARQ stream).</summary>
    SoftOutput = 1u << 6,

    /// <summary>Bit 7: stop once the CRC passes.</summary>
    EarlyTermination = 1u << 7,

    /// <summary>Bit 10: a positive input LLR means bit 1.</summary>
    PosLlr1BitIn = 1u << 10,

    /// <summary>Bit 11: a negative input LLR means bit 1.</summary>
    NegLlr1BitIn = 1u << 11,

    /// <summary>Bit 12: a positive soft output means bit 1.</summary>
    PosLlr1BitSoftOut = 1u << 12,

    /// <summary>Bit 13: a negative soft output means bit 1.</summary>
    NegLlr1BitSoftOut = 1u << 13,

    /// <summary>Bit 15: scatter-gather (a capability bit; accepted on ops).</summary>
    ScatterGather = 1u << 15,

    /// <summary>Bit 16: keep each code block's CRC24B in the hard output of a segmented transport block.</summary>
    TbCrc24BKeep = 1u << 16,

    /// <summary>Bit 17: leave the code block's CRC24B out of the hard output.</summary>
    Crc24BDrop = 1u << 17,

    /// <summary>Every bit the engine implements.</summary>
    Supported = SubblockDeinterleave | CrcType24B | SoftOutSaturate | SoftOutput | EarlyTermination | PosLlr1BitIn | NegLlr1BitIn
        | PosLlr1BitSoftOut | NegLlr1BitSoftOut | ScatterGather | TbCrc24BKeep | Crc24BDrop,
}
