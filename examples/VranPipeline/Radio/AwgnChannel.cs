using System.Numerics;

namespace VranPipeline.Radio;

/// <summary>
/// An additive white Gaussian noise channel at a given Es/N0 for unit-energy symbols: N0 = 10^(−SNR/10), noise
/// variance N0/2 per dimension.
/// </summary>
/// <remarks>
/// Noise is drawn ahead of time (<see cref="DrawNoise"/>) and added in the slot (<see cref="Apply"/>): the channel
/// stands in for the radio, so its random number generation stays out of the slot's processing time.
/// </remarks>
public sealed class AwgnChannel
{
    private readonly Xoshiro256 _random;

    /// <summary>Creates a channel at <paramref name="snrDb"/> dB whose noise sequence is fixed by <paramref name="seed"/>.</summary>
    public AwgnChannel(double snrDb, ulong seed)
    {
        SnrDb = snrDb;
        NoiseVariance = (float)Math.Pow(10, -snrDb / 10);
        _random = new Xoshiro256(seed);
    }

    /// <summary>Es/N0 in dB.</summary>
    public double SnrDb { get; }

    /// <summary>N0, the complex noise variance (unit symbol energy).</summary>
    public float NoiseVariance { get; }

    /// <summary>Draws complex noise samples.</summary>
    public void DrawNoise(Span<float> inPhase, Span<float> quadrature) =>
        _random.NextGaussianPairs(inPhase, quadrature, MathF.Sqrt(NoiseVariance / 2));

    /// <summary>Adds noise drawn by <see cref="DrawNoise"/> to symbols in place: y = x + n.</summary>
    public static void Apply(Span<float> inPhase, Span<float> quadrature, ReadOnlySpan<float> noiseInPhase, ReadOnlySpan<float> noiseQuadrature)
    {
        Add(inPhase, noiseInPhase[..inPhase.Length]);
        Add(quadrature, noiseQuadrature[..quadrature.Length]);
    }

    private static void Add(Span<float> values, ReadOnlySpan<float> noise)
    {
        int i = 0;
        for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            (new Vector<float>(values[i..]) + new Vector<float>(noise[i..])).CopyTo(values[i..]);
        }

        for (; i < values.Length; i++)
        {
            values[i] += noise[i];
        }
    }
}
