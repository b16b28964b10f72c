namespace AccelSdk.Bbdev;

/// <summary>
/// FFT op flags and capabilities (DPDK <c>enum rte_bbdev_op_fft_flag_bitmasks</c>, same bit values).
/// </summary>
[Flags]
public enum FftFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Bit 0, <c>RTE_BBDEV_FFT_WINDOWING</c>: flexible time-domain windowing per cyclic shift.</summary>
    Windowing = 1u << 0,

    /// <summary>Bit 1, <c>RTE_BBDEV_FFT_CS_ADJUSTMENT</c>: flexible adjustment of the cyclic-shift time offset.</summary>
    CsAdjustment = 1u << 1,

    /// <summary>Bit 2, <c>RTE_BBDEV_FFT_DFT_BYPASS</c>: bypass the DFT; the input goes straight to the iDFT.</summary>
    DftBypass = 1u << 2,

    /// <summary>Bit 3, <c>RTE_BBDEV_FFT_IDFT_BYPASS</c>: bypass the iDFT; the output is the DFT output.</summary>
    IdftBypass = 1u << 3,

    /// <summary>Bit 4, <c>RTE_BBDEV_FFT_WINDOWING_BYPASS</c>: bypass time-domain windowing.</summary>
    WindowingBypass = 1u << 4,

    /// <summary>Bit 5, <c>RTE_BBDEV_FFT_POWER_MEAS</c>: measure power on the DFT output.</summary>
    PowerMeas = 1u << 5,

    /// <summary>Bit 6, <c>RTE_BBDEV_FFT_FP16_INPUT</c>: input points are FP16 complex values.</summary>
    Fp16Input = 1u << 6,

    /// <summary>Bit 7, <c>RTE_BBDEV_FFT_FP16_OUTPUT</c>: output points are FP16 complex values.</summary>
    Fp16Output = 1u << 7,

    /// <summary>Bit 8, <c>RTE_BBDEV_FFT_TIMING_OFFSET_PER_CS</c>: a timing offset per cyclic shift (time_offset).</summary>
    TimingOffsetPerCs = 1u << 8,

    /// <summary>Bit 9, <c>RTE_BBDEV_FFT_TIMING_ERROR</c>: timing-error correction per cyclic shift (cs_theta_0, cs_theta_d).</summary>
    TimingError = 1u << 9,

    /// <summary>Bit 10, <c>RTE_BBDEV_FFT_DEWINDOWING</c>: frequency-domain de-windowing with the dewindowing input.</summary>
    Dewindowing = 1u << 10,

    /// <summary>Bit 11, <c>RTE_BBDEV_FFT_FREQ_RESAMPLING</c>: frequency resampling (freq_resample_mode).</summary>
    FreqResampling = 1u << 11,
}
