namespace AccelSdk.Bbdev.TestVectors;

/// <summary>
/// The scalar and 12-value keys of an FFT vector (<c>RTE_BBDEV_OP_FFT</c>), named after the file keys in .NET
/// casing (the file says <c>ifft_log2</c> where the op field is <c>idft_log2</c>) and typed with DPDK's field widths.
/// <see langword="null"/> means the key was absent (DPDK then uses 0). Lists hold exactly
/// <see cref="CyclicShifts"/> values, one per cyclic shift.
/// </summary>
public sealed record FftVectorParameters
{
    /// <summary>Number of values of each per-cyclic-shift key (DPDK <c>RTE_BBDEV_MAX_CS</c>).</summary>
    public const int CyclicShifts = 12;

    private readonly IReadOnlyList<byte>? _windowIndex;
    private readonly IReadOnlyList<ushort>? _csTheta0;
    private readonly IReadOnlyList<uint>? _csThetaD;
    private readonly IReadOnlyList<sbyte>? _timeOffset;
    private readonly IReadOnlyList<uint>? _fftWindowWidth;

    /// <summary><c>in_sequence_size</c>: input points (32-bit complex) per antenna (DPDK <c>input_sequence_size</c>). u16.</summary>
    public ushort? InSequenceSize { get; init; }

    /// <summary><c>in_leading_padding</c>: padding points at the start of the input (DPDK <c>input_leading_padding</c>). u16.</summary>
    public ushort? InLeadingPadding { get; init; }

    /// <summary><c>out_sequence_size</c>: output points per antenna and cyclic shift (DPDK <c>output_sequence_size</c>). u16.</summary>
    public ushort? OutSequenceSize { get; init; }

    /// <summary><c>out_leading_depadding</c>: points removed at the start of the DFT output (DPDK <c>output_leading_depadding</c>). u16.</summary>
    public ushort? OutLeadingDepadding { get; init; }

    /// <summary>
    /// <c>window_index</c>: the window used by each of the 12 cyclic shifts, 0..15 each. DPDK packs them into 6
    /// bytes (see <see cref="GetPackedWindowIndex"/>).
    /// </summary>
    public IReadOnlyList<byte>? WindowIndex { get => _windowIndex; init => _windowIndex = Copy(value); }

    /// <summary><c>cs_bitmap</c>: bit i requests the output of cyclic shift i. u16.</summary>
    public ushort? CsBitmap { get; init; }

    /// <summary><c>num_antennas_log2</c>: log2 of the number of antennas. u8.</summary>
    public byte? NumAntennasLog2 { get; init; }

    /// <summary><c>ifft_log2</c>: log2 of the iDFT size (DPDK <c>idft_log2</c>). u8.</summary>
    public byte? IfftLog2 { get; init; }

    /// <summary><c>fft_log2</c>: log2 of the DFT size (DPDK <c>dft_log2</c>). u8.</summary>
    public byte? FftLog2 { get; init; }

    /// <summary><c>cs_time_adjustment</c>: adjustment of the cyclic-shift positions, −31..31. s8.</summary>
    public sbyte? CsTimeAdjustment { get; init; }

    /// <summary><c>ifft_shift</c>: iDFT output down-shift (DPDK <c>idft_shift</c>). s8.</summary>
    public sbyte? IfftShift { get; init; }

    /// <summary><c>fft_shift</c>: DFT output down-shift (DPDK <c>dft_shift</c>). s8.</summary>
    public sbyte? FftShift { get; init; }

    /// <summary><c>ncs_reciprocal</c>: reciprocal of the number of cyclic shifts (fixed point). u16.</summary>
    public ushort? NcsReciprocal { get; init; }

    /// <summary><c>power_shift</c>: power-measurement output down-shift. u16.</summary>
    public ushort? PowerShift { get; init; }

    /// <summary><c>fp16_exponent_adjust</c>: FP16 exponent adjustment for int/FP16 conversion (DPDK <c>fp16_exp_adjust</c>). u16.</summary>
    public ushort? Fp16ExponentAdjust { get; init; }

    /// <summary><c>freq_resample_mode</c>: 0 transparent, 1 resample by 4/3, 2 by 2/3. s8.</summary>
    public sbyte? FreqResampleMode { get; init; }

    /// <summary><c>out_depadded_size</c>: output size after de-padding, before frequency resampling (DPDK <c>output_depadded_size</c>). u16.</summary>
    public ushort? OutDepaddedSize { get; init; }

    /// <summary><c>cs_theta_0</c>: time-error correction initial phase per cyclic shift. u16 each.</summary>
    public IReadOnlyList<ushort>? CsTheta0 { get => _csTheta0; init => _csTheta0 = Copy(value); }

    /// <summary><c>cs_theta_d</c>: time-error correction phase increment per cyclic shift. u32 each.</summary>
    public IReadOnlyList<uint>? CsThetaD { get => _csThetaD; init => _csThetaD = Copy(value); }

    /// <summary><c>time_offset</c>: time offset of the time-domain samples per cyclic shift. s8 each.</summary>
    public IReadOnlyList<sbyte>? TimeOffset { get => _timeOffset; init => _timeOffset = Copy(value); }

    /// <summary>
    /// <c>fft_window_width</c>: the window widths the vector was generated with (12 values in the file; DPDK's
    /// runner keeps only the first and skips the output check when it differs from the device's). u32 each.
    /// </summary>
    public IReadOnlyList<uint>? FftWindowWidth { get => _fftWindowWidth; init => _fftWindowWidth = Copy(value); }

    /// <summary>
    /// <see cref="WindowIndex"/> packed the way DPDK's parser stores it in <c>window_index[6]</c>: value i goes to
    /// byte i/2, in the low nibble for even i and the high nibble for odd i (DPDK's programmer's guide says the
    /// opposite; the parser is what devices see).
    /// </summary>
    /// <returns>6 bytes, all zero when <see cref="WindowIndex"/> is absent.</returns>
    public byte[] GetPackedWindowIndex()
    {
        var packed = new byte[CyclicShifts / 2];
        if (_windowIndex is { } indexes)
        {
            for (int i = 0; i < indexes.Count && i < CyclicShifts; i++)
            {
                packed[i / 2] |= (byte)((indexes[i] & 0xF) << ((i & 1) * 4));
            }
        }

        return packed;
    }

    /// <inheritdoc/>
    public bool Equals(FftVectorParameters? other) =>
        other is not null
        && InSequenceSize == other.InSequenceSize
        && InLeadingPadding == other.InLeadingPadding
        && OutSequenceSize == other.OutSequenceSize
        && OutLeadingDepadding == other.OutLeadingDepadding
        && SameList(_windowIndex, other._windowIndex)
        && CsBitmap == other.CsBitmap
        && NumAntennasLog2 == other.NumAntennasLog2
        && IfftLog2 == other.IfftLog2
        && FftLog2 == other.FftLog2
        && CsTimeAdjustment == other.CsTimeAdjustment
        && IfftShift == other.IfftShift
        && FftShift == other.FftShift
        && NcsReciprocal == other.NcsReciprocal
        && PowerShift == other.PowerShift
        && Fp16ExponentAdjust == other.Fp16ExponentAdjust
        && FreqResampleMode == other.FreqResampleMode
        && OutDepaddedSize == other.OutDepaddedSize
        && SameList(_csTheta0, other._csTheta0)
        && SameList(_csThetaD, other._csThetaD)
        && SameList(_timeOffset, other._timeOffset)
        && SameList(_fftWindowWidth, other._fftWindowWidth);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(InSequenceSize, OutSequenceSize, CsBitmap, IfftLog2, FftLog2, NcsReciprocal, _windowIndex?.Count);

    // A private copy behind a read-only wrapper: the record stays immutable even if the caller reuses its array.
    private static System.Collections.ObjectModel.ReadOnlyCollection<T>? Copy<T>(IReadOnlyList<T>? value) =>
        value is null ? null : Array.AsReadOnly(value.ToArray());

    private static bool SameList<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b)
        where T : IEquatable<T> =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
