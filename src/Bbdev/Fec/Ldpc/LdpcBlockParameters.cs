namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// Everything that defines one LDPC code block on the air (TS 38.212 5.3.2 and 5.4.2): base graph, lifting size,
/// filler bits, circular-buffer length, redundancy version (or an explicit k0), rate-matched length E and
/// modulation order Qm. Kernels (encoder, rate matcher, rate recovery, decoder) take it as their single source of
/// truth; <see cref="Validate"/> checks every field against the standard's ranges before any work.
/// </summary>
public readonly record struct LdpcBlockParameters
{
    /// <summary>Largest E accepted (bits): 38.212 bounds E by the scheduled resources; DPDK's buffers allow this much.</summary>
    public const int MaxE = 1 << 20;

    /// <summary>Base graph, 1 or 2.</summary>
    public int BaseGraph { get; init; }

    /// <summary>Lifting size Zc (TS 38.212 Table 5.3.2-1).</summary>
    public int Zc { get; init; }

    /// <summary>Filler bits F = K − K′ at the end of the systematic part.</summary>
    public int FillerBits { get; init; }

    /// <summary>Circular-buffer length Ncb in bits; 0 means N (no limited-buffer rate matching).</summary>
    public int Ncb { get; init; }

    /// <summary>Rate-matched length E in bits; a multiple of <see cref="Qm"/>.</summary>
    public int E { get; init; }

    /// <summary>Redundancy version 0..3 (selects k0 unless <see cref="K0Override"/> is non-zero).</summary>
    public int RvIndex { get; init; }

    /// <summary>Explicit start position k0 in the circular buffer; 0 means "from <see cref="RvIndex"/>" (DPDK's <c>k0</c> field).</summary>
    public int K0Override { get; init; }

    /// <summary>Modulation order (bits per symbol) for the bit interleaver: 1, 2, 4, 6 or 8.</summary>
    public int Qm { get; init; }

    /// <summary>
    /// Skip the bit interleaver of TS 38.212 5.4.2.2 (bbdev INTERLEAVER_BYPASS on the encoder, DEINTERLEAVER_BYPASS on
    /// the decoder): the output is the bit-selection output e itself. Qm = 1 interleaves as the identity anyway.
    /// </summary>
    public bool InterleaverBypass { get; init; }

    /// <summary>The lifted code (throws if <see cref="BaseGraph"/> or <see cref="Zc"/> is invalid).</summary>
    public LdpcCode Code => Ldpc.BaseGraph.Get(BaseGraph).Lift(Zc);

    /// <summary>Kb·Zc: 22·Zc (BG1) or 10·Zc (BG2).</summary>
    public int K => (BaseGraph == 1 ? 22 : 10) * Zc;

    /// <summary>K′ = K − F: information bits including any CRC.</summary>
    public int KPrime => K - FillerBits;

    /// <summary>N = 66·Zc (BG1) or 50·Zc (BG2).</summary>
    public int N => (BaseGraph == 1 ? 66 : 50) * Zc;

    /// <summary>The circular-buffer length in use: <see cref="Ncb"/>, or N when it is 0.</summary>
    public int NcbEffective => Ncb == 0 ? N : Ncb;

    /// <summary>
    /// Start of the filler bits inside the circular buffer d (which begins after the 2·Zc punctured bits):
    /// K′ − 2·Zc. DPDK calls K − 2·Zc the parity offset; the fillers occupy the F positions before it.
    /// </summary>
    public int FillerStart => KPrime - (2 * Zc);

    /// <summary>
    /// k0 of TS 38.212 Table 5.4.2.1-2: 0, ⌊17·Ncb/N⌋·Zc, ⌊33·Ncb/N⌋·Zc, ⌊56·Ncb/N⌋·Zc for BG1 and
    /// 0, ⌊13·Ncb/N⌋·Zc, ⌊25·Ncb/N⌋·Zc, ⌊43·Ncb/N⌋·Zc for BG2; or <see cref="K0Override"/> when non-zero.
    /// </summary>
    public int K0
    {
        get
        {
            if (K0Override != 0)
            {
                return K0Override;
            }

            int numerator = (BaseGraph, RvIndex) switch
            {
                (_, 0) => 0,
                (1, 1) => 17,
                (1, 2) => 33,
                (1, 3) => 56,
                (_, 1) => 13,
                (_, 2) => 25,
                _ => 43,
            };
            int columns = BaseGraph == 1 ? 66 : 50;
            return (int)((long)numerator * NcbEffective / (columns * Zc)) * Zc;
        }
    }

    /// <summary>
    /// Length of the circular buffer without fillers, Ncb − F when the fillers lie inside it (the HARQ buffer
    /// length limit), else Ncb.
    /// </summary>
    public int CompactLength => NcbEffective > FillerStart ? NcbEffective - Math.Min(FillerBits, NcbEffective - FillerStart) : NcbEffective;

    /// <summary>
    /// k0 in the filler-free (compacted, HARQ) domain, in [0, <see cref="CompactLength"/>): k0 − F when k0 lies past
    /// the filler region, else k0. A k0 inside the fillers (only an explicit <see cref="K0Override"/> can do that) maps
    /// to the first bit bit selection takes, the one after the fillers, which is position 0 when the fillers end the
    /// buffer.
    /// </summary>
    public int K0Compact
    {
        get
        {
            int k0 = K0;
            if (k0 <= FillerStart)
            {
                return k0 < CompactLength ? k0 : 0;
            }

            int fillerEnd = FillerStart + FillerBits;
            int compact = k0 >= fillerEnd ? k0 - FillerBits : FillerStart;
            return compact < CompactLength ? compact : 0;
        }
    }

    /// <summary>Checks every field; returns null when valid, else a message naming the field, its value and the allowed range.</summary>
    public string? Validate()
    {
        string? code = ValidateCode();
        if (code is not null)
        {
            return code;
        }

        int ncbMin = K - (2 * Zc);
        if (Ncb != 0 && (Ncb < ncbMin || Ncb > N))
        {
            return $"n_cb = {Ncb} is invalid: allowed 0 (= N) or [{ncbMin}, {N}] for basegraph {BaseGraph}, z_c {Zc}.";
        }

        if (Qm is not (1 or 2 or 4 or 6 or 8))
        {
            return $"q_m = {Qm} is invalid: allowed 1, 2, 4, 6 or 8.";
        }

        if (E < 1 || E > MaxE)
        {
            return $"e = {E} is invalid: allowed [1, {MaxE}].";
        }

        if (E % Qm != 0)
        {
            return $"e = {E} is invalid: must be a multiple of q_m = {Qm}.";
        }

        if (RvIndex is < 0 or > 3)
        {
            return $"rv_index = {RvIndex} is invalid: allowed 0..3.";
        }

        if (K0Override < 0 || K0Override >= NcbEffective)
        {
            return $"k0 = {K0Override} is invalid: allowed 0 (from rv_index) or [1, {NcbEffective - 1}] (below Ncb).";
        }

        return null;
    }

    /// <summary>
    /// Checks only what defines the code itself (<see cref="BaseGraph"/>, <see cref="Zc"/>, <see cref="FillerBits"/>),
    /// which is all that encoding a full codeword needs; returns null when valid, else a message naming the field.
    /// </summary>
    public string? ValidateCode()
    {
        if (BaseGraph is not (1 or 2))
        {
            return $"basegraph = {BaseGraph} is invalid: allowed 1 or 2.";
        }

        if (!LiftingSizes.IsValid(Zc))
        {
            return $"z_c = {Zc} is invalid: allowed the lifting sizes of TS 38.212 Table 5.3.2-1 (a·2^j, a in {{2,3,5,7,9,11,13,15}}, 2..384).";
        }

        int maxFiller = K - (2 * Zc) - 1;
        if (FillerBits < 0 || FillerBits > maxFiller)
        {
            return $"n_filler = {FillerBits} is invalid: allowed [0, {maxFiller}] for basegraph {BaseGraph}, z_c {Zc} (K = {K}; fillers must not reach the 2·Zc punctured bits).";
        }

        return null;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem.</summary>
    /// <exception cref="ArgumentException">The message names the field, its value and the allowed range.</exception>
    public void ThrowIfInvalid()
    {
        string? error = Validate();
        if (error is not null)
        {
            throw new ArgumentException(error);
        }
    }
}
