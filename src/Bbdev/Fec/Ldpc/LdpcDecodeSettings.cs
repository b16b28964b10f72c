using AccelSdk.Bbdev.Fec.Crc;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>How <see cref="LdpcCodeBlockEngine.Decode"/> treats one code block (the decoder half of bbdev's op flags).</summary>
public readonly record struct LdpcDecodeSettings
{
    /// <summary>Maximum iterations, 1..<see cref="LdpcDecoder.MaxIterationsLimit"/>.</summary>
    public int IterMax { get; init; }

    /// <summary>Stop after the first iteration whose syndrome is zero (bbdev ITERATION_STOP_ENABLE).</summary>
    public bool EarlyTermination { get; init; }

    /// <summary>The CRC to check over the K′ decoded bits (last L bits = CRC), or null (bbdev CRC_TYPE_*_CHECK).</summary>
    public CrcType? CrcCheck { get; init; }

    /// <summary>Also stop early once the decoded bits pass <see cref="CrcCheck"/> (optional early termination on CRC).</summary>
    public bool EarlyStopOnCrc { get; init; }

    /// <summary>Leave the last 24 decoded bits (a CRC24B) out of the hard output (bbdev CRC_TYPE_24B_DROP).</summary>
    public bool DropCrc24B { get; init; }

    /// <summary>Only rate recovery and HARQ combining, no decoding (bbdev DECODE_BYPASS).</summary>
    public bool DecodeBypass { get; init; }
}
