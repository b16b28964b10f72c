namespace AccelSdk.Bbdev;

/// <summary>
/// An FFT operation (DPDK's <c>rte_bbdev_op_fft</c>): per antenna an optional iDFT, cyclic-shift windowing and an
/// optional DFT, as used for SRS processing. Data points are 32-bit complex (2 × int16 or 2 × FP16).
/// </summary>
public sealed class FftOp : BbdevOp
{
    /// <inheritdoc />
    public override BbdevOpType OpType => BbdevOpType.Fft;

    /// <summary>Input samples.</summary>
    public BbdevOpData BaseInput { get; } = new();

    /// <summary>Output samples.</summary>
    public BbdevOpData BaseOutput { get; } = new();

    /// <summary>De-windowing input (with <c>DEWINDOWING</c>).</summary>
    public BbdevOpData DewindowingInput { get; } = new();

    /// <summary>Power measurement output (with <c>POWER_MEAS</c>).</summary>
    public BbdevOpData PowerMeasurementOutput { get; } = new();

    /// <summary>FFT flags.</summary>
    public FftFlags OpFlags { get; set; }

    /// <summary>Input points per antenna.</summary>
    public int InputSequenceSize { get; set; }

    /// <summary>Leading padding points of the input.</summary>
    public int InputLeadingPadding { get; set; }

    /// <summary>Output points per antenna and cyclic shift.</summary>
    public int OutputSequenceSize { get; set; }

    /// <summary>Leading points removed from the output.</summary>
    public int OutputLeadingDepadding { get; set; }

    /// <summary>Window index per cyclic shift (12 values, 4 bits each).</summary>
    public int[] WindowIndex { get; } = new int[12];

    /// <summary>Bit i set: cyclic shift i requested.</summary>
    public int CsBitmap { get; set; }

    /// <summary>log2 of the number of antennas.</summary>
    public int NumAntennasLog2 { get; set; }

    /// <summary>log2 of the iDFT size.</summary>
    public int IdftLog2 { get; set; }

    /// <summary>log2 of the DFT size.</summary>
    public int DftLog2 { get; set; }

    /// <summary>Cyclic-shift time adjustment.</summary>
    public int CsTimeAdjustment { get; set; }

    /// <summary>iDFT output scaling shift.</summary>
    public int IdftShift { get; set; }

    /// <summary>DFT output scaling shift.</summary>
    public int DftShift { get; set; }

    /// <summary>Reciprocal of the number of cyclic shifts (fixed point).</summary>
    public int NcsReciprocal { get; set; }

    /// <summary>Power measurement scaling shift.</summary>
    public int PowerShift { get; set; }

    /// <summary>FP16 exponent adjustment.</summary>
    public int Fp16ExpAdjust { get; set; }

    /// <summary>Frequency resampling mode: 0 transparent, 1 4/3, 2 2/3.</summary>
    public int FreqResampleMode { get; set; }

    /// <summary>Output size after de-padding.</summary>
    public int OutputDepaddedSize { get; set; }

    /// <summary>Per cyclic shift initial phase (12 values).</summary>
    public int[] CsTheta0 { get; } = new int[12];

    /// <summary>Per cyclic shift phase increment (12 values).</summary>
    public int[] CsThetaD { get; } = new int[12];

    /// <summary>Per cyclic shift time offset (12 values).</summary>
    public int[] TimeOffset { get; } = new int[12];
}
