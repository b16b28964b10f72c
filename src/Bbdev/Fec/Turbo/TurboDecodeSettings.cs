using AccelSdk.Bbdev.Fec.Crc;

namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>How <see cref="TurboDecoder.Decode"/> treats one code block (the decoder half of bbdev's turbo op).</summary>
public readonly record struct TurboDecodeSettings
{
    /// <summary>Maximum full iterations (each two half-iterations, one per constituent decoder), 1..<see cref="TurboDecoder.MaxIterationsLimit"/>.</summary>
    public int IterMax { get; init; }

    /// <summary>Iterations to run before early termination may stop (bbdev iter_min); values above <see cref="IterMax"/> act as IterMax.</summary>
    public int IterMin { get; init; }

    /// <summary>The stopping rule.</summary>
    public TurboEarlyTermination EarlyTermination { get; init; }

    /// <summary>
    /// The CRC the K decoded bits end with (CRC24A for a single-block transport block, CRC24B for a segment), checked
    /// after decoding and used by <see cref="TurboEarlyTermination.Crc"/>; null when the block carries none.
    /// </summary>
    public CrcType? Crc { get; init; }

    /// <summary>
    /// Extrinsic scaling in 1/16 units, 1..31 (the extrinsic handed to the other constituent decoder is multiplied by
    /// it); 0 selects <see cref="TurboDecoder.DefaultExtrinsicScale"/> (0.75, the usual max-log-MAP correction).
    /// </summary>
    public int ExtrinsicScale { get; init; }

    /// <summary>The input layout.</summary>
    public TurboInputFormat InputFormat { get; init; }

    /// <summary>Input LLRs are positive for bit 1 (bbdev POS_LLR_1_BIT_IN); otherwise positive means bit 0 (NEG_LLR_1_BIT_IN).</summary>
    public bool InputPositiveIsOne { get; init; }

    /// <summary>Soft output LLRs are positive for bit 1 (bbdev POS_LLR_1_BIT_SOFT_OUT); otherwise negative means bit 1.</summary>
    public bool SoftOutputPositiveIsOne { get; init; }
}
