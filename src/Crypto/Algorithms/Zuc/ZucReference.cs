namespace AccelSdk.Crypto.Algorithms.Zuc;

/// <summary>
/// ZUC written as its specification is (ETSI/SAGE 128-EEA3 &amp; 128-EIA3 Document 2, chapter 3): the LFSR over
/// GF(2^31 − 1) shifted as an array, bit reorganisation, the nonlinear function F with S = (S0, S1, S0, S1) and the
/// linear maps L1, L2. Slow; the oracle for <see cref="ZucGenerator"/>.
/// </summary>
internal static class ZucReference
{
    private const uint Mask31 = 0x7FFF_FFFF;

    /// <summary>Keystream words for an already loaded LFSR (16 cells from <see cref="ZucKeyLoading"/>).</summary>
    public static void Generate(ReadOnlySpan<uint> loaded, Span<uint> keystream)
    {
        uint[] s = loaded[..16].ToArray();
        uint r1 = 0, r2 = 0;
        for (int i = 0; i < 32; i++)
        {
            (uint x0, uint x1, uint x2, _) = Reorganize(s);
            uint w = F(x0, x1, x2, ref r1, ref r2);
            Shift(s, AddM(Feedback(s), w >> 1));
        }

        // Working stage: one discarded F, then one word per clock.
        {
            (uint x0, uint x1, uint x2, _) = Reorganize(s);
            F(x0, x1, x2, ref r1, ref r2);
            Shift(s, Feedback(s));
        }

        for (int t = 0; t < keystream.Length; t++)
        {
            (uint x0, uint x1, uint x2, uint x3) = Reorganize(s);
            keystream[t] = F(x0, x1, x2, ref r1, ref r2) ^ x3;
            Shift(s, Feedback(s));
        }
    }

    /// <summary>a + b mod (2^31 − 1), as the spec's AddM.</summary>
    public static uint AddM(uint a, uint b)
    {
        uint c = a + b;
        return (c & Mask31) + (c >> 31);
    }

    private static uint MulByPow2(uint x, int k) => ((x << k) | (x >> (31 - k))) & Mask31;

    private static uint Feedback(uint[] s)
    {
        // 2^15·s15 + 2^17·s13 + 2^21·s10 + 2^20·s4 + (1 + 2^8)·s0 mod (2^31 − 1).
        uint f = s[0];
        f = AddM(f, MulByPow2(s[0], 8));
        f = AddM(f, MulByPow2(s[4], 20));
        f = AddM(f, MulByPow2(s[10], 21));
        f = AddM(f, MulByPow2(s[13], 17));
        f = AddM(f, MulByPow2(s[15], 15));
        return f;
    }

    private static void Shift(uint[] s, uint s16)
    {
        Array.Copy(s, 1, s, 0, 15);
        s[15] = s16 == 0 ? Mask31 : s16;
    }

    private static (uint X0, uint X1, uint X2, uint X3) Reorganize(uint[] s) =>
        (((s[15] & 0x7FFF_8000) << 1) | (s[14] & 0xFFFF),
         ((s[11] & 0xFFFF) << 16) | (s[9] >> 15),
         ((s[7] & 0xFFFF) << 16) | (s[5] >> 15),
         ((s[2] & 0xFFFF) << 16) | (s[0] >> 15));

    private static uint F(uint x0, uint x1, uint x2, ref uint r1, ref uint r2)
    {
        uint w = (x0 ^ r1) + r2;
        uint w1 = r1 + x1;
        uint w2 = r2 ^ x2;
        r1 = S(L1((w1 << 16) | (w2 >> 16)));
        r2 = S(L2((w2 << 16) | (w1 >> 16)));
        return w;
    }

    private static uint L1(uint x) => x ^ uint.RotateLeft(x, 2) ^ uint.RotateLeft(x, 10) ^ uint.RotateLeft(x, 18) ^ uint.RotateLeft(x, 24);

    private static uint L2(uint x) => x ^ uint.RotateLeft(x, 8) ^ uint.RotateLeft(x, 14) ^ uint.RotateLeft(x, 22) ^ uint.RotateLeft(x, 30);

    private static uint S(uint x) =>
        ((uint)ZucTables.S0[x >> 24] << 24) | ((uint)ZucTables.S1[(x >> 16) & 0xFF] << 16)
        | ((uint)ZucTables.S0[(x >> 8) & 0xFF] << 8) | ZucTables.S1[x & 0xFF];
}
