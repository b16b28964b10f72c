namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// Transport-block arithmetic of LTE turbo coding done by the application before bbdev (TS 36.212 5.1.2 and
/// 5.1.4.1.2): code block segmentation with filler bits, the rate-matched length of each code block (Ea, Eb and the
/// split Cab) and the downlink soft-buffer size Ncb. bbdev ops carry the results (K, Ea/Eb/Cab, Ncb) directly.
/// </summary>
public static class TurboSegmentation
{
    /// <summary>Maximum code block size Z = 6144.</summary>
    public const int MaxCodeBlockSize = TurboInterleaver.MaxBlockSize;

    /// <summary>
    /// Segments <paramref name="b"/> bits (a transport block with its CRC24A) into code blocks (TS 36.212 5.1.2):
    /// one block without a CRC when B ≤ 6144, else C = ⌈B/(6144 − 24)⌉ blocks each carrying a CRC24B; K+ is the
    /// smallest table size with C·K+ ≥ B′, K− the next smaller one, C− = ⌊(C·K+ − B′)/(K+ − K−)⌋, and
    /// F = C+·K+ + C−·K− − B′ filler bits lead code block 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="b"/> is not positive.</exception>
    public static TurboSegmentationResult Segment(int b)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(b);
        int crc;
        int c;
        int bPrime;
        if (b <= MaxCodeBlockSize)
        {
            crc = 0;
            c = 1;
            bPrime = b;
        }
        else
        {
            crc = 24;
            c = (b + MaxCodeBlockSize - crc - 1) / (MaxCodeBlockSize - crc);
            bPrime = b + (c * crc);
        }

        // K+: the smallest K with C·K ≥ B′, i.e. the smallest table size at least ⌈B′/C⌉.
        int kPlus = TurboInterleaver.SmallestBlockSizeAtLeast((bPrime + c - 1) / c);
        if (c == 1)
        {
            return new TurboSegmentationResult(b, 1, kPlus, 0, 1, 0, kPlus - bPrime, crc);
        }

        int kMinus = TurboInterleaver.LargestBlockSizeBelow(kPlus);
        int cMinus = kMinus < 0 ? 0 : ((c * kPlus) - bPrime) / (kPlus - kMinus);
        int cPlus = c - cMinus;
        int filler = (cPlus * kPlus) + (cMinus * Math.Max(kMinus, 0)) - bPrime;
        return new TurboSegmentationResult(b, c, kPlus, cMinus == 0 ? 0 : kMinus, cPlus, cMinus, filler, crc);
    }

    /// <summary>
    /// The rate-matched length of each code block (TS 36.212 5.1.4.1.2): with G′ = G/(N_L·Q_m) and γ = G′ mod C, code
    /// blocks r &lt; C − γ get Ea = N_L·Q_m·⌊G′/C⌋ and the rest Eb = N_L·Q_m·⌈G′/C⌉; Cab = C − γ in bbdev's terms.
    /// </summary>
    /// <param name="g">G, coded bits available for the transport block.</param>
    /// <param name="c">C, scheduled code blocks.</param>
    /// <param name="qm">Q_m, bits per modulation symbol (2, 4, 6 or 8).</param>
    /// <param name="layers">N_L: 1 for one layer, 2 for transmit diversity, else the number of layers the block maps to.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive, or G is not a multiple of N_L·Q_m.</exception>
    public static (int Ea, int Eb, int Cab) RateMatchedLengths(int g, int c, int qm, int layers)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(g);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(c);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qm);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layers);
        int unit = layers * qm;
        if (g % unit != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(g), g, $"G = {g} must be a multiple of N_L·Q_m = {unit}.");
        }

        int gPrime = g / unit;
        int gamma = gPrime % c;
        int ea = unit * (gPrime / c);
        int eb = unit * ((gPrime + c - 1) / c);
        return (ea, eb, c - gamma);
    }

    /// <summary>
    /// The downlink soft-buffer size of one code block (TS 36.212 5.1.4.1.2): Ncb = min(⌊N_IR/C⌋, Kw), Kw = 3·Kπ.
    /// The uplink uses Ncb = Kw.
    /// </summary>
    /// <param name="k">The code block size K.</param>
    /// <param name="softBufferBits">N_IR, the transport block's soft buffer in bits.</param>
    /// <param name="c">C, the number of code blocks.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not a table size or a count is not positive.</exception>
    public static int DownlinkNcb(int k, int softBufferBits, int c)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(softBufferBits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(c);
        _ = TurboInterleaver.GetCoefficients(k);
        return Math.Min(softBufferBits / c, TurboBlockParameters.CircularBufferLength(k));
    }
}
