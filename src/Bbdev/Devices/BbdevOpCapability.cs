namespace AccelSdk.Bbdev;

/// <summary>What a device supports for one operation type (DPDK's <c>rte_bbdev_op_cap</c>).</summary>
public abstract record BbdevOpCapability
{
    private protected BbdevOpCapability()
    {
    }

    /// <summary>The operation type described.</summary>
    public abstract BbdevOpType OpType { get; }
}

/// <summary>LDPC decoder capabilities.</summary>
public sealed record LdpcDecCapability : BbdevOpCapability
{
    /// <inheritdoc />
    public override BbdevOpType OpType => BbdevOpType.LdpcDec;

    /// <summary>Supported flags (an op may use only these).</summary>
    public LdpcDecFlags CapabilityFlags { get; init; }

    /// <summary>Bits per LLR including sign (DPDK <c>llr_size</c>); 8 = int8.</summary>
    public int LlrSize { get; init; } = 8;

    /// <summary>Fractional bits per LLR (DPDK <c>llr_decimals</c>); 1 = S8.1, the vectors' format.</summary>
    public int LlrDecimals { get; init; } = 1;

    /// <summary>
    /// LLR scale the decoder is tuned for, in LSB per natural LLR unit (ln P(0)/P(1)); 0 when the device does not say.
    /// A receiver multiplies its natural LLRs by this before rounding to <see cref="LlrSize"/> bits, so that it uses
    /// the device's range the way the decoder expects; plain fixed point with <see cref="LlrDecimals"/> fractional bits
    /// is a scale of 2^<see cref="LlrDecimals"/>. DPDK leaves this to each device's guide.
    /// </summary>
    public int LlrScale { get; init; }

    /// <summary>Largest <see cref="LdpcDecOp.IterMax"/> accepted.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Most code blocks (segments) per input buffer.</summary>
    public int NumBuffersSrc { get; init; } = 1;

    /// <summary>Most code blocks per hard output.</summary>
    public int NumBuffersHardOut { get; init; } = 1;

    /// <summary>Most code blocks per soft output.</summary>
    public int NumBuffersSoftOut { get; init; }
}

/// <summary>LDPC encoder capabilities.</summary>
public sealed record LdpcEncCapability : BbdevOpCapability
{
    /// <inheritdoc />
    public override BbdevOpType OpType => BbdevOpType.LdpcEnc;

    /// <summary>Supported flags.</summary>
    public LdpcEncFlags CapabilityFlags { get; init; }

    /// <summary>Most code blocks per input buffer.</summary>
    public int NumBuffersSrc { get; init; } = 1;

    /// <summary>Most code blocks per output buffer.</summary>
    public int NumBuffersDst { get; init; } = 1;
}

/// <summary>Turbo decoder capabilities.</summary>
public sealed record TurboDecCapability : BbdevOpCapability
{
    /// <inheritdoc />
    public override BbdevOpType OpType => BbdevOpType.TurboDec;

    /// <summary>Supported flags.</summary>
    public TurboDecFlags CapabilityFlags { get; init; }

    /// <summary>LLRs accepted in ±this (DPDK <c>max_llr_modulus</c>).</summary>
    public int MaxLlrModulus { get; init; } = 127;

    /// <summary>Largest <see cref="TurboDecOp.IterMax"/> accepted.</summary>
    public int MaxIterations { get; init; } = 15;

    /// <summary>Most code blocks per input buffer.</summary>
    public int NumBuffersSrc { get; init; } = 1;

    /// <summary>Most code blocks per hard output.</summary>
    public int NumBuffersHardOut { get; init; } = 1;

    /// <summary>Most code blocks per soft output.</summary>
    public int NumBuffersSoftOut { get; init; }
}

/// <summary>Turbo encoder capabilities.</summary>
public sealed record TurboEncCapability : BbdevOpCapability
{
    /// <inheritdoc />
    public override BbdevOpType OpType => BbdevOpType.TurboEnc;

    /// <summary>Supported flags.</summary>
    public TurboEncFlags CapabilityFlags { get; init; }

    /// <summary>Most code blocks per input buffer.</summary>
    public int NumBuffersSrc { get; init; } = 1;

    /// <summary>Most code blocks per output buffer.</summary>
    public int NumBuffersDst { get; init; } = 1;
}

/// <summary>FFT capabilities.</summary>
public sealed record FftCapability : BbdevOpCapability
{
    /// <inheritdoc />
    public override BbdevOpType OpType => BbdevOpType.Fft;

    /// <summary>Supported flags.</summary>
    public FftFlags CapabilityFlags { get; init; }

    /// <summary>Number of windows.</summary>
    public int FftWindowsNum { get; init; }
}
