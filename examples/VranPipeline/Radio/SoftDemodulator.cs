namespace VranPipeline.Radio;

/// <summary>
/// Max-log soft demodulation of Gray QAM to the int8 LLRs an LDPC decoder takes (positive = bit 0), in the fixed-point
/// format a device asks for (its <c>LdpcDecCapability.LlrSize</c> and <c>LlrDecimals</c>).
/// </summary>
/// <remarks>
/// Per dimension, LLR = (min over levels with the bit = 1 of (y − x)² − min over levels with the bit = 0) / N0. The
/// nearest level overall holds one of the two minima; Gray mapping puts the levels with the other bit value in runs,
/// so the other minimum is at one of the two levels just outside the nearest level's run: a handful of operations per
/// bit instead of a search over all 2^m levels.
/// </remarks>
public sealed class SoftDemodulator
{
    private readonly float _fixedPointScale;
    private readonly float _max;

    /// <summary>Creates a demodulator for LLRs of <paramref name="llrSize"/> bits with <paramref name="llrDecimals"/> fractional bits.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="llrSize"/> is not in [2, 8] or <paramref name="llrDecimals"/> not in [0, llrSize − 1].</exception>
    public SoftDemodulator(int llrSize, int llrDecimals)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(llrSize, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(llrSize, 8);
        ArgumentOutOfRangeException.ThrowIfNegative(llrDecimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(llrDecimals, llrSize - 1);
        LlrSize = llrSize;
        LlrDecimals = llrDecimals;
        _fixedPointScale = MathF.Pow(2, llrDecimals);
        _max = (1 << (llrSize - 1)) - 1;
    }

    /// <summary>Bits per LLR including the sign.</summary>
    public int LlrSize { get; }

    /// <summary>Fractional bits per LLR.</summary>
    public int LlrDecimals { get; }

    /// <summary>
    /// Writes Qm LLRs per received symbol, in the bit order the modulator read them (b0, b1, ... per symbol).
    /// </summary>
    /// <param name="modulation">The modulation used.</param>
    /// <param name="inPhase">Received in-phase samples.</param>
    /// <param name="quadrature">Received quadrature samples.</param>
    /// <param name="noiseVariance">N0, the complex noise variance relative to unit symbol energy (Es/N0 = 1/N0).</param>
    /// <param name="llrs">Destination, at least Qm × symbols.</param>
    public void Demodulate(Modulation modulation, ReadOnlySpan<float> inPhase, ReadOnlySpan<float> quadrature, float noiseVariance, Span<sbyte> llrs)
    {
        Constellation constellation = Constellation.Of(modulation);
        int qm = constellation.Qm;
        int symbols = Math.Min(inPhase.Length, quadrature.Length);
        if (llrs.Length < symbols * qm)
        {
            throw new ArgumentException($"llrs holds {llrs.Length} values; {symbols} symbols of Qm = {qm} need {symbols * qm}.", nameof(llrs));
        }

        if (!(noiseVariance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseVariance), noiseVariance, "The noise variance must be positive.");
        }

        float norm = constellation.Normalisation;

        // Distances are computed on the unnormalised levels ±1, ±3, ...: divide by norm² to return to unit energy.
        float scale = _fixedPointScale / (norm * norm * noiseVariance);
        for (int s = 0; s < symbols; s++)
        {
            Dimension(constellation, inPhase[s] * norm, scale, llrs.Slice(s * qm, qm), 0);
            Dimension(constellation, quadrature[s] * norm, scale, llrs.Slice(s * qm, qm), 1);
        }
    }

    private void Dimension(Constellation constellation, float u, float scale, Span<sbyte> symbolLlrs, int firstBit)
    {
        int m = constellation.BitsPerDimension;
        int levels = constellation.Levels;
        int top = levels - 1;
        int nearest = Math.Clamp((int)MathF.Floor((u + levels) * 0.5f), 0, top);
        float nearestDistance = Square(u - ((2 * nearest) - top));
        int bits = constellation.DimensionBits[nearest];
        for (int k = 0; k < m; k++)
        {
            // Bit k is constant over runs of `run` levels that start at indices ≡ run/2 (mod run); the sign bit (k = 0)
            // has one boundary, in the middle.
            int run = k == 0 ? levels : levels >> k;
            int lower = nearest - ((nearest - (run >> 1)) & (run - 1));
            int upper = lower + run;
            float other = float.MaxValue;
            if (lower >= 1)
            {
                other = Square(u - ((2 * (lower - 1)) - top));
            }

            if (upper <= top)
            {
                other = MathF.Min(other, Square(u - ((2 * upper) - top)));
            }

            float llr = ((bits >> k) & 1) == 0 ? other - nearestDistance : nearestDistance - other;
            symbolLlrs[firstBit + (2 * k)] = (sbyte)MathF.Round(Math.Clamp(llr * scale, -_max, _max));
        }
    }

    private static float Square(float x) => x * x;
}
