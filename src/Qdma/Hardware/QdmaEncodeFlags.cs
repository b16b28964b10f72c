namespace AccelSdk.Qdma.Hardware;

/// <summary>
/// Encoder op-flag bits as the device reads them from <see cref="QdmaH2cDescriptor.OpFlags"/>. The device uses
/// bbdev's numbering (DPDK <c>RTE_BBDEV_LDPC_*</c> encoder bits) so a driver copies the op's flags unchanged; the
/// device side keeps its own names because it must not depend on the bbdev API.
/// </summary>
[Flags]
internal enum QdmaEncodeFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Bit 0: skip the bit interleaver.</summary>
    InterleaverBypass = 1u << 0,

    /// <summary>Bit 1: rate matching to E bits (always done; accepted for compatibility).</summary>
    RateMatch = 1u << 1,

    /// <summary>Bit 2: attach CRC24A.</summary>
    Crc24AAttach = 1u << 2,

    /// <summary>Bit 3: attach CRC24B.</summary>
    Crc24BAttach = 1u << 3,

    /// <summary>Bit 4: attach CRC16.</summary>
    Crc16Attach = 1u << 4,

    /// <summary>Bit 6: scatter-gather (a capability bit; accepted on ops).</summary>
    ScatterGather = 1u << 6,

    /// <summary>Every bit the engine implements.</summary>
    Supported = InterleaverBypass | RateMatch | Crc24AAttach | Crc24BAttach | Crc16Attach | ScatterGather,
}
