namespace AccelSdk.Qdma.Hardware;

/// <summary>
/// Turbo encoder op-flag bits as the device reads them from <see cref="QdmaH2cDescriptor.OpFlags"/> of a
/// <see cref="QdmaOpcode.TurboEncode"/> job: bbdev's numbering (DPDK <c>RTE_BBDEV_TURBO_*</c> encoder bits), so a
/// driver copies the op's flags unchanged (see <see cref="QdmaEncodeFlags"/>).
/// </summary>
[Flags]
internal enum QdmaTurboEncodeFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Bit 0: start bit selection at k0 = 0 whatever the redundancy version.</summary>
    RvIndexBypass = 1u << 0,

    /// <summary>Bit 1: rate match to E bits; without it the output is d(0), d(1), d(2) of 3(K + 4) bits.</summary>
    RateMatch = 1u << 1,

    /// <summary>Bit 2: attach CRC24B.</summary>
    Crc24BAttach = 1u << 2,

    /// <summary>Bit 3: attach CRC24A.</summary>
    Crc24AAttach = 1u << 3,

    /// <summary>Bit 5: scatter-gather (a capability bit; accepted on ops).</summary>
    ScatterGather = 1u << 5,

    /// <summary>Every bit the engine implements.</summary>
    Supported = RvIndexBypass | RateMatch | Crc24BAttach | Crc24AAttach | ScatterGather,
}
