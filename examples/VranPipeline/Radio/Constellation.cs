namespace VranPipeline.Radio;

/// <summary>
/// The Gray-mapped square QAM of TS 38.211 5.1, one PAM per dimension: bits b0, b2, b4, ... of a symbol select the
/// in-phase level and b1, b3, b5, ... the quadrature level, each as (1−2c0)·(2^(m−1) − (1−2c1)·(2^(m−2) − ...)).
/// </summary>
internal sealed class Constellation
{
    private static readonly Constellation[] s_byQm = [null!, null!, new(2), null!, new(4), null!, new(6), null!, new(8)];

    private Constellation(int qm)
    {
        Qm = qm;
        BitsPerDimension = qm / 2;
        Levels = 1 << BitsPerDimension;
        Normalisation = qm switch { 2 => MathF.Sqrt(2), 4 => MathF.Sqrt(10), 6 => MathF.Sqrt(42), _ => MathF.Sqrt(170) };
        InPhase = new float[1 << qm];
        Quadrature = new float[1 << qm];
        DimensionBits = new byte[Levels];
        for (int symbol = 0; symbol < (1 << qm); symbol++)
        {
            int iBits = 0;
            int qBits = 0;
            for (int k = 0; k < BitsPerDimension; k++)
            {
                // Bit j of the symbol (j = 0 first, the MSB of the qm-bit value) goes to I when j is even, Q when odd.
                iBits |= ((symbol >> (qm - 1 - (2 * k))) & 1) << k;
                qBits |= ((symbol >> (qm - 2 - (2 * k))) & 1) << k;
            }

            InPhase[symbol] = Level(iBits) / Normalisation;
            Quadrature[symbol] = Level(qBits) / Normalisation;
        }

        for (int bits = 0; bits < Levels; bits++)
        {
            // Level index i holds the unnormalised amplitude 2i − (2^m − 1); record which bit pattern lands there.
            DimensionBits[(Level(bits) + Levels - 1) / 2] = (byte)bits;
        }
    }

    /// <summary>Bits per symbol.</summary>
    public int Qm { get; }

    /// <summary>m = Qm / 2, bits per dimension.</summary>
    public int BitsPerDimension { get; }

    /// <summary>2^m amplitude levels per dimension.</summary>
    public int Levels { get; }

    /// <summary>√2, √10, √42 or √170: the unnormalised levels ±1, ±3, ... divided by this have unit average symbol energy.</summary>
    public float Normalisation { get; }

    /// <summary>In-phase amplitude of each Qm-bit symbol value (b0 is the value's most significant bit).</summary>
    public float[] InPhase { get; }

    /// <summary>Quadrature amplitude of each Qm-bit symbol value.</summary>
    public float[] Quadrature { get; }

    /// <summary>For level index i (amplitude 2i − (2^m − 1)), the dimension's bits c0..c(m−1) as bit k of the byte.</summary>
    public byte[] DimensionBits { get; }

    /// <summary>The constellation of <paramref name="modulation"/>.</summary>
    public static Constellation Of(Modulation modulation) => s_byQm[(int)modulation];

    /// <summary>(1−2c0)·(2^(m−1) − (1−2c1)·(2^(m−2) − ... − (1−2c(m−1))·1)) for the bits c_k = bit k of <paramref name="bits"/>.</summary>
    private int Level(int bits)
    {
        int m = BitsPerDimension;
        int value = 1;
        for (int k = m - 1; k >= 1; k--)
        {
            value = (1 << (m - k)) - ((1 - (2 * ((bits >> k) & 1))) * value);
        }

        return (1 - (2 * (bits & 1))) * value;
    }
}
