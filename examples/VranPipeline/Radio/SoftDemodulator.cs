using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace VranPipeline.Radio;

/// <summary>
/// Max-log soft demodulation of Gray QAM to the int8 LLRs an LDPC decoder takes (positive = bit 0), in the fixed-point
/// format a device asks for (its <c>LdpcDecCapability.LlrSize</c> and <c>LlrDecimals</c>).
/// </summary>
/// <remarks>
/// <para>
/// Per dimension, on the unnormalised levels x_i = 2i − (2^m − 1): LLR_k = (min over levels with c_k = 1 of (u − x)² −
/// min over levels with c_k = 0) / (norm²·N0). The nearest level i* holds one of the two minima. Along the sorted levels
/// TS 38.211's Gray mapping makes bit c_k constant over runs of 2^(m−k) levels that start at indices ≡ 2^(m−k−1)
/// (mod 2^(m−k)) (half runs at the edges), with c_k = 1 on the even-numbered runs; so the other minimum is at one of
/// the two levels just outside i*'s run. That is a handful of operations per bit instead of a search over 2^m levels.
/// </para>
/// <para>
/// <see cref="DemodulateScalar"/> is the readable reference; the 256-bit path does the same arithmetic on eight symbols
/// at a time, bit-exact with it (tests compare them).
/// </para>
/// </remarks>
public sealed class SoftDemodulator
{
    private readonly float _fixedPointScale;
    private readonly float _max;

    /// <summary>Creates a demodulator for LLRs of <paramref name="llrSize"/> bits with <paramref name="llrDecimals"/> fractional bits.</summary>
    /// <param name="llrSize">Bits per LLR including the sign, 2..8.</param>
    /// <param name="llrDecimals">Fractional bits, 0..llrSize − 1.</param>
    /// <param name="gain">
    /// Extra factor applied to the LLRs before quantisation, in (0, 64]: 1 gives the true LLR in the device's fixed
    /// point. Above 1 it buys resolution for the small LLRs of high-order QAM at the cost of saturating the large ones.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public SoftDemodulator(int llrSize, int llrDecimals, float gain = 1)
    {
        if (!(gain > 0 && gain <= 64))
        {
            throw new ArgumentOutOfRangeException(nameof(gain), gain, $"gain = {gain} is out of range: allowed (0, 64].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(llrSize, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(llrSize, 8);
        ArgumentOutOfRangeException.ThrowIfNegative(llrDecimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(llrDecimals, llrSize - 1);
        LlrSize = llrSize;
        LlrDecimals = llrDecimals;
        Gain = gain;
        _fixedPointScale = MathF.Pow(2, llrDecimals) * gain;
        _max = (1 << (llrSize - 1)) - 1;
    }

    /// <summary>Bits per LLR including the sign.</summary>
    public int LlrSize { get; }

    /// <summary>Fractional bits per LLR.</summary>
    public int LlrDecimals { get; }

    /// <summary>The extra factor applied before quantisation (1 = true LLRs).</summary>
    public float Gain { get; }

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
        int symbols = Check(modulation, inPhase, quadrature, noiseVariance, llrs);
        int done = Vector256.IsHardwareAccelerated ? DemodulateVector256(modulation, inPhase[..symbols], quadrature[..symbols], noiseVariance, llrs) : 0;
        int qm = (int)modulation;
        DemodulateScalar(modulation, inPhase[done..symbols], quadrature[done..symbols], noiseVariance, llrs[(done * qm)..]);
    }

    /// <summary>The scalar reference: every symbol, one dimension and one bit at a time.</summary>
    internal void DemodulateScalar(Modulation modulation, ReadOnlySpan<float> inPhase, ReadOnlySpan<float> quadrature, float noiseVariance, Span<sbyte> llrs)
    {
        Constellation constellation = Constellation.Of(modulation);
        int qm = constellation.Qm;
        float norm = constellation.Normalisation;
        float scale = Scale(constellation, noiseVariance);
        int symbols = Math.Min(inPhase.Length, quadrature.Length);
        for (int s = 0; s < symbols; s++)
        {
            Dimension(constellation, inPhase[s] * norm, scale, llrs.Slice(s * qm, qm), 0);
            Dimension(constellation, quadrature[s] * norm, scale, llrs.Slice(s * qm, qm), 1);
        }
    }

    /// <summary>Eight symbols at a time; returns how many symbols it did (a multiple of 8), leaving the rest to the scalar path.</summary>
    internal int DemodulateVector256(Modulation modulation, ReadOnlySpan<float> inPhase, ReadOnlySpan<float> quadrature, float noiseVariance, Span<sbyte> llrs)
    {
        Constellation constellation = Constellation.Of(modulation);
        int qm = constellation.Qm;
        int m = constellation.BitsPerDimension;
        var norm = Vector256.Create(constellation.Normalisation);
        var scale = Vector256.Create(Scale(constellation, noiseVariance));
        int symbols = Math.Min(inPhase.Length, quadrature.Length) & ~7;
        Span<int> lanes = stackalloc int[8 * 8];
        for (int s = 0; s < symbols; s += 8)
        {
            DimensionVector256(m, Vector256.Create(inPhase.Slice(s, 8)) * norm, scale, lanes, 0);
            DimensionVector256(m, Vector256.Create(quadrature.Slice(s, 8)) * norm, scale, lanes, 1);

            // lanes[bit * 8 + symbol] → the symbol-major order of the LLR stream.
            Span<sbyte> destination = llrs.Slice(s * qm, 8 * qm);
            for (int symbol = 0; symbol < 8; symbol++)
            {
                for (int bit = 0; bit < qm; bit++)
                {
                    destination[(symbol * qm) + bit] = (sbyte)lanes[(bit * 8) + symbol];
                }
            }
        }

        return symbols;
    }

    private int Check(Modulation modulation, ReadOnlySpan<float> inPhase, ReadOnlySpan<float> quadrature, float noiseVariance, Span<sbyte> llrs)
    {
        int qm = Constellation.Of(modulation).Qm;
        int symbols = Math.Min(inPhase.Length, quadrature.Length);
        if (llrs.Length < symbols * qm)
        {
            throw new ArgumentException($"llrs holds {llrs.Length} values; {symbols} symbols of Qm = {qm} need {symbols * qm}.", nameof(llrs));
        }

        if (!(noiseVariance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseVariance), noiseVariance, "The noise variance must be positive.");
        }

        return symbols;
    }

    // Distances are computed on the unnormalised levels ±1, ±3, ...: divide by norm² to return to unit energy.
    private float Scale(Constellation constellation, float noiseVariance) =>
        _fixedPointScale / (constellation.Normalisation * constellation.Normalisation * noiseVariance);

    private void Dimension(Constellation constellation, float u, float scale, Span<sbyte> symbolLlrs, int firstBit)
    {
        int m = constellation.BitsPerDimension;
        int levels = constellation.Levels;
        int top = levels - 1;
        int nearest = (int)MathF.Floor((Math.Clamp(u, -levels, levels) + levels) * 0.5f);
        nearest = Math.Clamp(nearest, 0, top);
        float nearestDistance = Square(u - ((2 * nearest) - top));
        for (int k = 0; k < m; k++)
        {
            int run = levels >> k;
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

            // c_k = 1 on the even-numbered runs (counting the half run at the left edge as run 0).
            bool bitIsOne = (((nearest + (run >> 1)) >> (m - k)) & 1) == 0;
            float llr = bitIsOne ? nearestDistance - other : other - nearestDistance;
            symbolLlrs[firstBit + (2 * k)] = (sbyte)MathF.Round(Math.Clamp(llr * scale, -_max, _max));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void DimensionVector256(int m, Vector256<float> u, Vector256<float> scale, Span<int> lanes, int firstBit)
    {
        int levels = 1 << m;
        int top = levels - 1;
        var levelsF = Vector256.Create((float)levels);
        var nearest = Vector256.ConvertToInt32(Vector256.Floor((Vector256.Clamp(u, -levelsF, levelsF) + levelsF) * Vector256.Create(0.5f)));
        nearest = Vector256.Clamp(nearest, Vector256<int>.Zero, Vector256.Create(top));
        Vector256<float> nearestDistance = Square(u - Level(nearest, top));
        var max = Vector256.Create(_max);
        var none = Vector256.Create(float.MaxValue);
        for (int k = 0; k < m; k++)
        {
            int run = levels >> k;
            var half = Vector256.Create(run >> 1);
            Vector256<int> lower = nearest - ((nearest - half) & Vector256.Create(run - 1));
            Vector256<int> upper = lower + Vector256.Create(run);
            Vector256<float> below = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(lower, Vector256<int>.One).AsSingle(),
                Square(u - Level(lower - Vector256<int>.One, top)), none);
            Vector256<float> above = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(upper, Vector256.Create(top)).AsSingle(),
                Square(u - Level(upper, top)), none);
            Vector256<float> other = Vector256.Min(below, above);
            Vector256<int> bitIsOne = Vector256.Equals(Vector256.ShiftRightArithmetic(nearest + half, m - k) & Vector256<int>.One, Vector256<int>.Zero);
            Vector256<float> llr = Vector256.ConditionalSelect(bitIsOne.AsSingle(), nearestDistance - other, other - nearestDistance);
            Vector256<int> value = Vector256.ConvertToInt32(Vector256.Round(Vector256.Clamp(llr * scale, -max, max)));
            value.CopyTo(lanes.Slice((firstBit + (2 * k)) * 8, 8));
        }
    }

    private static Vector256<float> Level(Vector256<int> index, int top) => Vector256.ConvertToSingle((index + index) - Vector256.Create(top));

    private static Vector256<float> Square(Vector256<float> x) => x * x;

    private static float Square(float x) => x * x;
}
