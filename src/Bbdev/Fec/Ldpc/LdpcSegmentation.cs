using AccelSdk.Bbdev.Fec.Crc;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// The transport-block arithmetic an application does before it builds LDPC ops (bbdev leaves it to the
/// application): TB CRC choice (TS 38.212 7.2.1), base-graph selection (7.2.2), code-block segmentation and lifting
/// size (5.2.2), and the rate-matched length of every code block (5.4.2.1).
/// </summary>
public static class LdpcSegmentation
{
    /// <summary>Largest code block Kcb of base graph 1 (TS 38.212 5.2.2).</summary>
    public const int MaxCodeBlockBitsBg1 = 8448;

    /// <summary>Largest code block Kcb of base graph 2 (TS 38.212 5.2.2).</summary>
    public const int MaxCodeBlockBitsBg2 = 3840;

    /// <summary>Largest transport block accepted, in bits (2^24: far above any TS 38.214 TBS).</summary>
    public const int MaxTransportBlockBits = 1 << 24;

    /// <summary>Transport blocks larger than this many bits get a CRC24A, the others a CRC16 (TS 38.212 7.2.1).</summary>
    public const int Crc16MaxTransportBlockBits = 3824;

    /// <summary>The TB CRC of a transport block of <paramref name="transportBlockBits"/> bits: CRC24A above 3824 bits, else CRC16.</summary>
    public static CrcType TransportBlockCrc(int transportBlockBits) =>
        transportBlockBits > Crc16MaxTransportBlockBits ? CrcType.Crc24A : CrcType.Crc16;

    /// <summary>
    /// The base graph TS 38.212 7.2.2 prescribes: 2 when A ≤ 292, or A ≤ 3824 and R ≤ 0.67, or R ≤ 0.25; else 1.
    /// </summary>
    /// <param name="transportBlockBits">A, the payload bits.</param>
    /// <param name="codeRate">The target code rate R (for example an MCS table's R×1024 / 1024), in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static int SelectBaseGraph(int transportBlockBits, double codeRate)
    {
        ThrowIfOutOfRange(transportBlockBits, 1, MaxTransportBlockBits, "transportBlockBits");
        if (!(codeRate > 0 && codeRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(codeRate), codeRate, $"codeRate = {codeRate} is invalid: allowed (0, 1].");
        }

        return transportBlockBits <= 292 || (transportBlockBits <= Crc16MaxTransportBlockBits && codeRate <= 0.67) || codeRate <= 0.25 ? 2 : 1;
    }

    /// <summary>Number of code blocks C a transport block of <paramref name="transportBlockBits"/> bits is split into on <paramref name="baseGraph"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static int CodeBlockCount(int transportBlockBits, int baseGraph)
    {
        ThrowIfOutOfRange(transportBlockBits, 1, MaxTransportBlockBits, "transportBlockBits");
        ThrowIfOutOfRange(baseGraph, 1, 2, "baseGraph");
        int b = transportBlockBits + CrcCalculator.Length(TransportBlockCrc(transportBlockBits));
        int kcb = baseGraph == 1 ? MaxCodeBlockBitsBg1 : MaxCodeBlockBitsBg2;
        return b <= kcb ? 1 : (b + (kcb - 24) - 1) / (kcb - 24);
    }

    /// <summary>
    /// Lays a transport block out on code blocks: TB CRC, segmentation, lifting size and the E of every code block.
    /// </summary>
    /// <param name="transportBlockBits">A, the payload bits, in [1, <see cref="MaxTransportBlockBits"/>].</param>
    /// <param name="baseGraph">1 or 2 (see <see cref="SelectBaseGraph"/>).</param>
    /// <param name="codedBits">G, the coded bits the allocation carries: a positive multiple of NL·Qm, at least C·NL·Qm.</param>
    /// <param name="qm">Modulation order: 1, 2, 4, 6 or 8.</param>
    /// <param name="layers">NL, 1 to 8.</param>
    /// <param name="lbrmTransportBlockBits">
    /// TBS_LBRM for limited-buffer rate matching (Ncb = min(N, ⌊TBS_LBRM / (C·2/3)⌋)), or 0 for a full circular
    /// buffer (Ncb = N).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range (the message names it, its value and the range).</exception>
    /// <exception cref="ArgumentException">
    /// B′ = A + L + C·24 is not a multiple of C, so the code blocks cannot all have the same K′ (TBS values from
    /// TS 38.214 5.1.3.2 always divide).
    /// </exception>
    public static LdpcTransportBlockLayout Compute(int transportBlockBits, int baseGraph, int codedBits, int qm, int layers = 1, int lbrmTransportBlockBits = 0)
    {
        ThrowIfOutOfRange(transportBlockBits, 1, MaxTransportBlockBits, "transportBlockBits");
        ThrowIfOutOfRange(baseGraph, 1, 2, "baseGraph");
        if (qm is not (1 or 2 or 4 or 6 or 8))
        {
            throw new ArgumentOutOfRangeException(nameof(qm), qm, $"qm = {qm} is invalid: allowed 1, 2, 4, 6 or 8.");
        }

        ThrowIfOutOfRange(layers, 1, 8, "layers");
        ThrowIfOutOfRange(lbrmTransportBlockBits, 0, int.MaxValue / 3, "lbrmTransportBlockBits");

        // TS 38.212 7.2.1 and 5.2.2.
        CrcType tbCrc = TransportBlockCrc(transportBlockBits);
        int b = transportBlockBits + CrcCalculator.Length(tbCrc);
        int c = CodeBlockCount(transportBlockBits, baseGraph);
        int bPrime = c == 1 ? b : b + (24 * c);
        if (bPrime % c != 0)
        {
            throw new ArgumentException(
                $"transportBlockBits = {transportBlockBits} cannot be segmented into equal code blocks: B' = {bPrime} is not a multiple of C = {c} (TS 38.214 TBS values always are).",
                nameof(transportBlockBits));
        }

        int kPrime = bPrime / c;
        int kb = baseGraph == 1 ? 22 : b > 640 ? 10 : b > 560 ? 9 : b > 192 ? 8 : 6;
        int zc = LiftingSizes.Smallest(kb, kPrime);
        int n = (baseGraph == 1 ? 66 : 50) * zc;
        int k = (baseGraph == 1 ? 22 : 10) * zc;

        int ncb = n;
        if (lbrmTransportBlockBits > 0)
        {
            // R_LBRM = 2/3: N_ref = floor(TBS_LBRM / (C · 2/3)).
            long nRef = 3L * lbrmTransportBlockBits / (2L * c);
            ncb = (int)Math.Min(n, nRef);
            if (ncb < k - (2 * zc))
            {
                throw new ArgumentOutOfRangeException(nameof(lbrmTransportBlockBits), lbrmTransportBlockBits,
                    $"lbrmTransportBlockBits = {lbrmTransportBlockBits} is too small: Ncb = {ncb} would fall below K - 2·Zc = {k - (2 * zc)} (C = {c}).");
            }
        }

        // TS 38.212 5.4.2.1: the G bits are shared out in whole NL·Qm groups, the last mod(G/(NL·Qm), C) code blocks one group longer.
        int group = layers * qm;
        if (codedBits < (long)c * group || codedBits % group != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(codedBits), codedBits,
                $"codedBits = {codedBits} is invalid: allowed a multiple of NL·Qm = {group} of at least C·NL·Qm = {(long)c * group} (C = {c}).");
        }

        int groups = codedBits / group;
        int ea = group * (groups / c);
        int eb = group * ((groups + c - 1) / c);
        int cab = c - (groups % c);
        if (eb > LdpcBlockParameters.MaxE)
        {
            throw new ArgumentOutOfRangeException(nameof(codedBits), codedBits,
                $"codedBits = {codedBits} is invalid: E = {eb} per code block exceeds {LdpcBlockParameters.MaxE} (C = {c}).");
        }

        return new LdpcTransportBlockLayout
        {
            TransportBlockBits = transportBlockBits,
            TransportBlockCrc = tbCrc,
            BaseGraph = baseGraph,
            CodeBlocks = c,
            KPrime = kPrime,
            Zc = zc,
            Ncb = ncb,
            Qm = qm,
            Layers = layers,
            CodedBits = codedBits,
            Ea = ea,
            Eb = eb,
            Cab = cab,
        };
    }

    private static void ThrowIfOutOfRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} is out of range: allowed [{min}, {max}].");
        }
    }
}
