using VranPipeline.Radio;

namespace AccelSdk.VranPipeline.Tests.Radio;

public sealed class ModulationTests
{
    public static TheoryData<Modulation> Modulations => new(Modulation.Qpsk, Modulation.Qam16, Modulation.Qam64, Modulation.Qam256);

    [Theory]
    // TS 38.211 5.1.3: QPSK d = ((1 − 2b0) + j(1 − 2b1)) / √2.
    [InlineData(Modulation.Qpsk, 0b00, 1, 1, 2)]
    [InlineData(Modulation.Qpsk, 0b10, -1, 1, 2)]
    [InlineData(Modulation.Qpsk, 0b01, 1, -1, 2)]
    // TS 38.211 5.1.4: 16QAM d = ((1 − 2b0)(2 − (1 − 2b2)) + j(1 − 2b1)(2 − (1 − 2b3))) / √10; b = 1011 → (−3 + 3j).
    [InlineData(Modulation.Qam16, 0b0000, 1, 1, 10)]
    [InlineData(Modulation.Qam16, 0b1011, -3, 3, 10)]
    [InlineData(Modulation.Qam16, 0b0110, 3, -1, 10)]
    // TS 38.211 5.1.5: 64QAM, b = 001010 → I: (+)(4 − (−1)(2 − (−1))) = 7, Q: (+)(4 − (+1)(2 − (+1))) = 3.
    [InlineData(Modulation.Qam64, 0b001010, 7, 3, 42)]
    // TS 38.211 5.1.6: 256QAM, b = 11111111 → I = Q = −(8 + (4 + (2 + 1))) = −15.
    [InlineData(Modulation.Qam256, 0b11111111, -15, -15, 170)]
    public void Modulate_MapsBitsAs38211(Modulation modulation, int symbol, int i, int q, int energyDivisor)
    {
        int qm = (int)modulation;
        byte[] bits = [(byte)(symbol << (8 - qm))];
        var inPhase = new float[1];
        var quadrature = new float[1];
        Modulator.Modulate(modulation, bits, qm, inPhase, quadrature);
        float norm = MathF.Sqrt(energyDivisor);
        Assert.Equal(i / norm, inPhase[0], 5);
        Assert.Equal(q / norm, quadrature[0], 5);
    }

    [Theory]
    [MemberData(nameof(Modulations))]
    public void Constellation_HasUnitEnergy_AndGrayNeighbours(Modulation modulation)
    {
        int qm = (int)modulation;
        int points = 1 << qm;
        var bits = new byte[points * qm / 8 + 1];
        var inPhase = new float[points];
        var quadrature = new float[points];
        for (int s = 0; s < points; s++)
        {
            for (int b = 0; b < qm; b++)
            {
                int bit = (s >> (qm - 1 - b)) & 1;
                int position = (s * qm) + b;
                bits[position / 8] |= (byte)(bit << (7 - (position % 8)));
            }
        }

        Modulator.Modulate(modulation, bits, points * qm, inPhase, quadrature);
        double energy = 0;
        for (int s = 0; s < points; s++)
        {
            energy += (inPhase[s] * inPhase[s]) + (quadrature[s] * quadrature[s]);
        }

        Assert.Equal(1.0, energy / points, 5);

        // Gray mapping: points one grid step apart differ in exactly one bit.
        float step = 2 * inPhase.Select(MathF.Abs).Min();
        for (int a = 0; a < points; a++)
        {
            for (int b = a + 1; b < points; b++)
            {
                float d = MathF.Abs(inPhase[a] - inPhase[b]) + MathF.Abs(quadrature[a] - quadrature[b]);
                if (MathF.Abs(d - step) < 1e-4f)
                {
                    Assert.Equal(1, System.Numerics.BitOperations.PopCount((uint)(a ^ b)));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Modulations))]
    public void Demodulate_EqualsBruteForceMaxLog(Modulation modulation)
    {
        int qm = (int)modulation;
        var random = new Random(1234 + qm);
        const int Symbols = 2000;
        var inPhase = new float[Symbols];
        var quadrature = new float[Symbols];
        for (int s = 0; s < Symbols; s++)
        {
            // Cover the whole constellation and beyond its edges.
            inPhase[s] = (float)((random.NextDouble() * 3) - 1.5);
            quadrature[s] = (float)((random.NextDouble() * 3) - 1.5);
        }

        const float N0 = 0.05f;
        var demodulator = new SoftDemodulator(llrSize: 8, llrDecimals: 2);
        var llrs = new sbyte[Symbols * qm];
        demodulator.Demodulate(modulation, inPhase, quadrature, N0, llrs);
        sbyte[] expected = BruteForce(modulation, inPhase, quadrature, N0, scale: 4, max: 127);
        Assert.Equal(expected, llrs);
    }

    [Theory]
    [MemberData(nameof(Modulations))]
    public void ScalarAndVectorPaths_AreBitExact_AtEveryLength(Modulation modulation)
    {
        int qm = (int)modulation;
        var random = new Random(77);
        foreach (int symbols in new[] { 1, 7, 8, 9, 63, 1001 })
        {
            float[] i = Enumerable.Range(0, symbols).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
            float[] q = Enumerable.Range(0, symbols).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
            var demodulator = new SoftDemodulator(8, 1);
            var scalar = new sbyte[symbols * qm];
            var mixed = new sbyte[symbols * qm];
            demodulator.DemodulateScalar(modulation, i, q, 0.2f, scalar);
            int vector = demodulator.DemodulateVector256(modulation, i, q, 0.2f, mixed);
            Assert.Equal(symbols & ~7, vector);
            demodulator.DemodulateScalar(modulation, i.AsSpan(vector), q.AsSpan(vector), 0.2f, mixed.AsSpan(vector * qm));
            Assert.Equal(scalar, mixed);
            Assert.Equal(BruteForce(modulation, i, q, 0.2f, scale: 2, max: 127), scalar);
        }
    }

    [Theory]
    [MemberData(nameof(Modulations))]
    public void GrayRuns_GiveEveryLevelsBits(Modulation modulation)
    {
        // The demodulator derives bit c_k of level i from its run: c_k = 1 when ((i + run/2) >> (m − k)) is even.
        var constellation = Constellation.Of(modulation);
        int m = constellation.BitsPerDimension;
        for (int i = 0; i < constellation.Levels; i++)
        {
            for (int k = 0; k < m; k++)
            {
                int run = constellation.Levels >> k;
                int derived = (((i + (run >> 1)) >> (m - k)) & 1) == 0 ? 1 : 0;
                Assert.Equal((constellation.DimensionBits[i] >> k) & 1, derived);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Modulations))]
    public void NoiselessRoundTrip_GivesTheBitsBack(Modulation modulation)
    {
        int qm = (int)modulation;
        var random = new Random(99);
        var bits = new byte[qm * 100 / 8];
        random.NextBytes(bits);
        int symbols = bits.Length * 8 / qm;
        var inPhase = new float[symbols];
        var quadrature = new float[symbols];
        Modulator.Modulate(modulation, bits, symbols * qm, inPhase, quadrature);
        var llrs = new sbyte[symbols * qm];
        new SoftDemodulator(8, 1).Demodulate(modulation, inPhase, quadrature, 0.01f, llrs);
        for (int i = 0; i < llrs.Length; i++)
        {
            int bit = (bits[i / 8] >> (7 - (i % 8))) & 1;
            Assert.True(bit == 0 ? llrs[i] > 0 : llrs[i] < 0, $"bit {i}");
        }
    }

    [Fact]
    public void Demodulator_ScalesToTheDeviceFormatAndSaturates()
    {
        // QPSK: LLR = 4·a·y / N0 with a = 1/√2; at y = a, N0 = 1 that is 2, i.e. 2·2^decimals in fixed point.
        float a = 1 / MathF.Sqrt(2);
        var llrs = new sbyte[2];
        new SoftDemodulator(8, 1).Demodulate(Modulation.Qpsk, [a], [-a], 1f, llrs);
        Assert.Equal(new sbyte[] { 4, -4 }, llrs);
        new SoftDemodulator(8, 3).Demodulate(Modulation.Qpsk, [a], [-a], 1f, llrs);
        Assert.Equal(new sbyte[] { 16, -16 }, llrs);
        new SoftDemodulator(6, 1).Demodulate(Modulation.Qpsk, [a], [-a], 0.001f, llrs);
        Assert.Equal(new sbyte[] { 31, -31 }, llrs);
        new SoftDemodulator(8, 1, gain: 2).Demodulate(Modulation.Qpsk, [a], [-a], 1f, llrs);
        Assert.Equal(new sbyte[] { 8, -8 }, llrs);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftDemodulator(8, 1, gain: 0));
    }

    [Fact]
    public void Awgn_HasTheConfiguredVariance_AndIsReproducible()
    {
        var first = new AwgnChannel(10, seed: 5);
        var second = new AwgnChannel(10, seed: 5);
        var i1 = new float[100_000];
        var q1 = new float[100_000];
        var i2 = new float[100_000];
        var q2 = new float[100_000];
        first.DrawNoise(i1, q1);
        second.DrawNoise(i2, q2);
        Assert.Equal(i1, i2);
        Assert.Equal(q1, q2);
        double power = (i1.Sum(x => (double)x * x) + q1.Sum(x => (double)x * x)) / i1.Length;
        Assert.Equal(0.1, power, 0.003); // N0 = 10^(−10/10)
    }

    private static sbyte[] BruteForce(Modulation modulation, float[] inPhase, float[] quadrature, float n0, float scale, int max)
    {
        int qm = (int)modulation;
        int points = 1 << qm;
        var bits = new byte[points * qm / 8 + 1];
        for (int s = 0; s < points; s++)
        {
            for (int b = 0; b < qm; b++)
            {
                int position = (s * qm) + b;
                bits[position / 8] |= (byte)(((s >> (qm - 1 - b)) & 1) << (7 - (position % 8)));
            }
        }

        var ci = new float[points];
        var cq = new float[points];
        Modulator.Modulate(modulation, bits, points * qm, ci, cq);
        float norm = modulation switch { Modulation.Qpsk => MathF.Sqrt(2), Modulation.Qam16 => MathF.Sqrt(10), Modulation.Qam64 => MathF.Sqrt(42), _ => MathF.Sqrt(170) };
        var result = new sbyte[inPhase.Length * qm];
        for (int s = 0; s < inPhase.Length; s++)
        {
            for (int b = 0; b < qm; b++)
            {
                // Distances per dimension on the unnormalised grid, as the demodulator defines them.
                bool isI = b % 2 == 0;
                float u = (isI ? inPhase[s] : quadrature[s]) * norm;
                float d0 = float.MaxValue;
                float d1 = float.MaxValue;
                for (int p = 0; p < points; p++)
                {
                    float x = MathF.Round((isI ? ci[p] : cq[p]) * norm);
                    float d = (u - x) * (u - x);
                    if (((p >> (qm - 1 - b)) & 1) == 0)
                    {
                        d0 = MathF.Min(d0, d);
                    }
                    else
                    {
                        d1 = MathF.Min(d1, d);
                    }
                }

                float llr = (d1 - d0) * (scale / (norm * norm * n0));
                result[(s * qm) + b] = (sbyte)MathF.Round(Math.Clamp(llr, -max, max));
            }
        }

        return result;
    }
}
