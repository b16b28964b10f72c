using System.Numerics;

namespace VranPipeline.Radio;

/// <summary>
/// xoshiro256** (Blackman and Vigna), a small fast generator with a 2^256 − 1 period, seeded through splitmix64. The
/// pipeline gives every cell its own instance so that results do not depend on how cells are spread over threads.
/// </summary>
public sealed class Xoshiro256
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a generator whose sequence is fixed by <paramref name="seed"/>.</summary>
    public Xoshiro256(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Fills <paramref name="destination"/> with random bytes.</summary>
    public void NextBytes(Span<byte> destination)
    {
        int i = 0;
        for (; i + 8 <= destination.Length; i += 8)
        {
            BitConverter.TryWriteBytes(destination[i..], NextUInt64());
        }

        if (i < destination.Length)
        {
            ulong last = NextUInt64();
            for (; i < destination.Length; i++, last >>= 8)
            {
                destination[i] = (byte)last;
            }
        }
    }

    /// <summary>A uniform value in (0, 1]: never 0, so that its logarithm is finite.</summary>
    public float NextOpenSingle() => ((NextUInt64() >> 40) + 1) * (1.0f / (1 << 24));

    /// <summary>
    /// Fills both spans with independent standard normal samples scaled by <paramref name="sigma"/> (Box–Muller: each
    /// pair of uniforms gives one sample for each span).
    /// </summary>
    public void NextGaussianPairs(Span<float> first, Span<float> second, float sigma)
    {
        int n = Math.Min(first.Length, second.Length);
        for (int i = 0; i < n; i++)
        {
            float radius = sigma * MathF.Sqrt(-2f * MathF.Log(NextOpenSingle()));
            (float sin, float cos) = MathF.SinCos(2f * MathF.PI * NextOpenSingle());
            first[i] = radius * cos;
            second[i] = radius * sin;
        }
    }

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
