namespace AccelSdk.Bbdev.TestVectors.Harness;

/// <summary>
/// Regenerates decoder input LLRs from the hard bits a vector carries (the sign of each LLR, negative = 1), through
/// an AWGN channel at a given SNR, the way test-bbdev's BLER test does: Qm ≤ 2 as independent BPSK/QPSK dimensions,
/// Qm = 4, 6, 8 as the Gray-mapped QAM of TS 38.211 5.1 with max-log-MAP demapping; then LLR fixed point
/// (× 2^decimals) with saturation.
/// </summary>
internal sealed class AwgnLlrGenerator(double snrDb, int llrSize, int llrDecimals, int seed)
{
    private readonly Random _random = new(seed);
    private readonly double _n0 = Math.Pow(10, -snrDb / 10);
    private readonly double _scale = Math.Pow(2, llrDecimals);
    private readonly int _max = (1 << (llrSize - 1)) - 1;

    /// <summary>Writes noisy LLRs for the bits encoded by the signs of <paramref name="reference"/> (groups of <paramref name="qm"/>).</summary>
    public void Generate(ReadOnlySpan<sbyte> reference, int qm, Span<sbyte> destination)
    {
        if (qm <= 2)
        {
            // Each bit on its own real dimension: amplitude 1 (BPSK) or 1/√2 (QPSK), noise variance N0/2 per dimension.
            double amplitude = qm == 2 ? Math.Sqrt(0.5) : 1.0;
            double sigma = Math.Sqrt(_n0 / 2);
            for (int i = 0; i < reference.Length; i++)
            {
                double x = reference[i] < 0 ? -amplitude : amplitude;
                double y = x + (sigma * Gaussian());
                destination[i] = Quantise(4 * amplitude * y / _n0);
            }

            return;
        }

        int bitsPerDimension = qm / 2;
        int levels = 1 << bitsPerDimension;
        double norm = qm switch { 4 => Math.Sqrt(10), 6 => Math.Sqrt(42), _ => Math.Sqrt(170) };
        double sigmaDim = Math.Sqrt(_n0 / 2);
        Span<int> bits = stackalloc int[bitsPerDimension];
        Span<double> distance0 = stackalloc double[bitsPerDimension];
        Span<double> distance1 = stackalloc double[bitsPerDimension];
        int symbols = reference.Length / qm;
        for (int s = 0; s < symbols; s++)
        {
            for (int dim = 0; dim < 2; dim++)
            {
                // I carries bits b0, b2, b4, ...; Q carries b1, b3, b5, ... (TS 38.211 5.1.3-5.1.5).
                for (int k = 0; k < bitsPerDimension; k++)
                {
                    bits[k] = reference[(s * qm) + dim + (2 * k)] < 0 ? 1 : 0;
                }

                double y = (Level(bits) / norm) + (sigmaDim * Gaussian());
                distance0.Fill(double.MaxValue);
                distance1.Fill(double.MaxValue);
                for (int point = 0; point < levels; point++)
                {
                    for (int k = 0; k < bitsPerDimension; k++)
                    {
                        bits[k] = (point >> k) & 1;
                    }

                    double d = y - (Level(bits) / norm);
                    d *= d;
                    for (int k = 0; k < bitsPerDimension; k++)
                    {
                        if (bits[k] == 0)
                        {
                            distance0[k] = Math.Min(distance0[k], d);
                        }
                        else
                        {
                            distance1[k] = Math.Min(distance1[k], d);
                        }
                    }
                }

                for (int k = 0; k < bitsPerDimension; k++)
                {
                    destination[(s * qm) + dim + (2 * k)] = Quantise((distance1[k] - distance0[k]) / _n0);
                }
            }
        }

        for (int i = symbols * qm; i < reference.Length; i++)
        {
            destination[i] = reference[i];
        }
    }

    /// <summary>One PAM dimension of 38.211's Gray QAM: (1−2b0)·(2^(m−1) − (1−2b1)·(2^(m−2) − ...)), unnormalised.</summary>
    private static double Level(ReadOnlySpan<int> bits)
    {
        int m = bits.Length;
        double value = 1;
        for (int k = m - 1; k >= 1; k--)
        {
            value = (1 << (m - k)) - ((1 - (2 * bits[k])) * value);
        }

        return (1 - (2 * bits[0])) * value;
    }

    private sbyte Quantise(double llr) => (sbyte)Math.Clamp(Math.Round(llr * _scale), -_max, _max);

    private double Gaussian()
    {
        // Box-Muller.
        double u1 = 1.0 - _random.NextDouble();
        double u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
