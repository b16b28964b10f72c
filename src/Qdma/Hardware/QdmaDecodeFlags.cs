namespace AccelSdk.Qdma.Hardware;

/// <summary>
/// Decoder op-flag bits as the device reads them from <see cref="QdmaH2cDescriptor.OpFlags"/> (bbdev's numbering,
/// DPDK <c>RTE_BBDEV_LDPC_*</c> decoder bits; see <see cref="QdmaEncodeFlags"/>).
/// </summary>
[Flags]
internal enum QdmaDecodeFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Bit 0: check CRC24A.</summary>
    Crc24ACheck = 1u << 0,

    /// <summary>Bit 1: check CRC24B.</summary>
    Crc24BCheck = 1u << 1,

    /// <summary>Bit 2: do not write the last 24 decoded bits.</summary>
    Crc24BDrop = 1u << 2,

    /// <summary>Bit 3: check CRC16.</summary>
    Crc16Check = 1u << 3,

    /// <summary>Bit 4: the LLRs are not bit-interleaved.</summary>
    DeinterleaverBypass = 1u << 4,

    /// <summary>Bit 5: combine the HARQ input before decoding.</summary>
    HqCombineIn = 1u << 5,

    /// <summary>Bit 6: write the combined buffer to the HARQ output.</summary>
    HqCombineOut = 1u << 6,

    /// <summary>Bit 7: only rate recovery and HARQ combining, no decoding (needs <see cref="HqCombineOut"/>).</summary>
    DecodeBypass = 1u << 7,

    /// <summary>Bit 11: stop once the syndrome check passes.</summary>
    IterationStop = 1u << 11,

    /// <summary>Bit 13: scatter-gather (a capability bit; accepted on ops).</summary>
    ScatterGather = 1u << 13,

    /// <summary>Every bit the engine implements.</summary>
    Supported = Crc24ACheck | Crc24BCheck | Crc24BDrop | Crc16Check | DeinterleaverBypass | HqCombineIn | HqCombineOut | DecodeBypass | IterationStop | ScatterGather,
}
