namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// The one place that maps between the index spaces of an LDPC code block (TS 38.212 5.3.2, 5.4.2.1), shared by the
/// encoder, the rate matcher, rate recovery and the decoder.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>variable index</b> v in [0, columns·Zc): the full codeword c (K′ information bits, F filler bits, then
/// parity), the decoder's view.</item>
/// <item><b>circular-buffer index</b> k in [0, Ncb): d[k] = c[k + 2·Zc] (the first 2·Zc systematic bits are never
/// sent); the fillers sit at k in [K′ − 2·Zc, K − 2·Zc).</item>
/// <item><b>compact index</b> i in [0, Ncb − F): d without the fillers, the layout of bbdev's HARQ buffers and of
/// rate recovery's output. Bit selection reads compact position (k0′ + j) mod (Ncb − F) for output bit j.</item>
/// </list>
/// </remarks>
internal static class LdpcCircularBuffer
{
    /// <summary>The codeword variable index of compact position <paramref name="compactIndex"/>.</summary>
    /// <param name="compactIndex">Position in the filler-free circular buffer, 0 ≤ i &lt; Ncb − F.</param>
    /// <param name="kPrime">K′, information bits including CRC.</param>
    /// <param name="zc">The lifting size.</param>
    /// <param name="fillerBits">F.</param>
    /// <returns>i + 2·Zc before the fillers (i &lt; K′ − 2·Zc), else i + 2·Zc + F.</returns>
    public static int CompactToVariable(int compactIndex, int kPrime, int zc, int fillerBits) =>
        compactIndex < kPrime - (2 * zc) ? compactIndex + (2 * zc) : compactIndex + (2 * zc) + fillerBits;

    /// <summary>The codeword variable index of compact position <paramref name="compactIndex"/> of <paramref name="parameters"/>.</summary>
    public static int CompactToVariable(in LdpcBlockParameters parameters, int compactIndex) =>
        CompactToVariable(compactIndex, parameters.KPrime, parameters.Zc, parameters.FillerBits);

    /// <summary>The circular-buffer index k (into d) of compact position <paramref name="compactIndex"/>.</summary>
    public static int CompactToCircular(in LdpcBlockParameters parameters, int compactIndex) =>
        compactIndex < parameters.FillerStart ? compactIndex : compactIndex + parameters.FillerBits;

    /// <summary>The compact position of variable <paramref name="variableIndex"/>, or −1 for a punctured or filler bit.</summary>
    public static int VariableToCompact(in LdpcBlockParameters parameters, int variableIndex)
    {
        int k = variableIndex - (2 * parameters.Zc);
        if (k < 0 || (k >= parameters.FillerStart && k < parameters.FillerStart + parameters.FillerBits))
        {
            return -1;
        }

        return k < parameters.FillerStart ? k : k - parameters.FillerBits;
    }

    /// <summary>Whether circular-buffer index <paramref name="k"/> holds a filler bit (NULL in TS 38.212).</summary>
    public static bool IsFiller(in LdpcBlockParameters parameters, int k) =>
        k >= parameters.FillerStart && k < parameters.FillerStart + parameters.FillerBits;

    /// <summary>
    /// The HARQ combined-output length of a transmission: max(min(k0′ + E, Ncb − F), min(harq input length, Ncb − F))
    /// (bbdev reference behaviour; every position below it is either covered by this transmission or carried over
    /// from the HARQ input).
    /// </summary>
    public static int CombinedLength(in LdpcBlockParameters parameters, int harqInputLength)
    {
        int compactLength = parameters.CompactLength;
        int covered = (int)Math.Min((long)parameters.K0Compact + parameters.E, compactLength);
        return Math.Max(covered, Math.Min(harqInputLength, compactLength));
    }

    /// <summary>Whether the E selected bits reach compact position <paramref name="compactIndex"/> (at least once).</summary>
    public static bool IsCovered(in LdpcBlockParameters parameters, int compactIndex)
    {
        int compactLength = parameters.CompactLength;
        long end = (long)parameters.K0Compact + parameters.E;
        return end >= compactLength + (long)compactIndex + 1 || (compactIndex >= parameters.K0Compact && compactIndex < end);
    }
}
