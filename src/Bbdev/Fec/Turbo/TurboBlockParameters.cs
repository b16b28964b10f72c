namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// Everything that defines one LTE turbo code block on the air (TS 36.212 5.1.3 and 5.1.4.1): the block size K, the
/// rate-matched length E, the soft-buffer size Ncb and the redundancy version. The encoder, rate matcher and rate
/// recovery take it as their single source of truth; <see cref="Validate"/> checks every field first.
/// </summary>
public readonly record struct TurboBlockParameters
{
    /// <summary>Largest E accepted (bits).</summary>
    public const int MaxE = 1 << 20;

    /// <summary>Columns of the sub-block interleaver, C_TC = 32.</summary>
    public const int Columns = 32;

    /// <summary>Code block size K including any CRC (a size of TS 36.212 Table 5.1.3-3, 40..6144).</summary>
    public int K { get; init; }

    /// <summary>Rate-matched length E in bits (used when <see cref="RateMatch"/> is set).</summary>
    public int E { get; init; }

    /// <summary>Soft-buffer (circular buffer) size Ncb in bits, K..Kw; 0 means Kw = 3·Kπ.</summary>
    public int Ncb { get; init; }

    /// <summary>Redundancy version 0..3; selects k0 unless <see cref="RvIndexBypass"/>.</summary>
    public int RvIndex { get; init; }

    /// <summary>Start bit selection at k0 = 0 whatever the redundancy version (bbdev RV_INDEX_BYPASS).</summary>
    public bool RvIndexBypass { get; init; }

    /// <summary>
    /// Rate-match to E bits (bbdev RATE_MATCH); otherwise the encoder output is the three streams d0‖d1‖d2 of K + 4 bits
    /// each, bit-concatenated.
    /// </summary>
    public bool RateMatch { get; init; }

    /// <summary>D = K + 4, the length of each encoded stream (K bits and 4 tail bits).</summary>
    public int D => K + 4;

    /// <summary>R_TC = ⌈D/32⌉, rows of the sub-block interleaver.</summary>
    public int Rows => (D + Columns - 1) / Columns;

    /// <summary>Kπ = 32·R_TC, the length of each interleaved sub-block (D bits plus leading NULLs).</summary>
    public int KPi => Columns * Rows;

    /// <summary>Kw = 3·Kπ, the length of the virtual circular buffer w.</summary>
    public int Kw => 3 * KPi;

    /// <summary>The soft-buffer size in use: <see cref="Ncb"/>, or Kw when it is 0.</summary>
    public int NcbEffective => Ncb == 0 ? Kw : Ncb;

    /// <summary>
    /// k0 = R_TC·(2·⌈Ncb/(8·R_TC)⌉·rv + 2) (TS 36.212 5.1.4.1.2), or 0 with <see cref="RvIndexBypass"/>.
    /// </summary>
    public int K0 => RvIndexBypass ? 0 : Rows * ((2 * ((NcbEffective + (8 * Rows) - 1) / (8 * Rows)) * RvIndex) + 2);

    /// <summary>Bits of the encoded output: E with rate matching, else 3·D.</summary>
    public int OutputBits => RateMatch ? E : 3 * D;

    /// <summary>Kw = 3·32·⌈(K + 4)/32⌉ for block size <paramref name="k"/>.</summary>
    public static int CircularBufferLength(int k) => 3 * Columns * ((k + 4 + Columns - 1) / Columns);

    /// <summary>Checks every field; returns null when valid, else a message naming the field, its value and the allowed range.</summary>
    public string? Validate()
    {
        if (!TurboInterleaver.IsValidBlockSize(K))
        {
            return $"k = {K} is invalid: allowed the sizes of TS 36.212 Table 5.1.3-3 (40..512 step 8, 528..1024 step 16, 1056..2048 step 32, 2112..6144 step 64).";
        }

        if (Ncb != 0 && (Ncb < K || Ncb > Kw))
        {
            return $"ncb = {Ncb} is invalid for k = {K}: allowed [{K}, {Kw}] (K..3·Kπ).";
        }

        if ((uint)RvIndex > 3)
        {
            return $"rv_index = {RvIndex} is invalid: allowed [0, 3].";
        }

        if (RateMatch && (E < 1 || E > MaxE))
        {
            return $"e = {E} is invalid: allowed [1, {MaxE}].";
        }

        return null;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it.</exception>
    public void EnsureValid()
    {
        string? error = Validate();
        if (error is not null)
        {
            throw new ArgumentException(error);
        }
    }
}
