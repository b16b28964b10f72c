using AccelSdk.Crypto.Algorithms.Aes;

namespace AccelSdk.Crypto.Algorithms.Snow3G;

/// <summary>
/// The SNOW 3G tables (ETSI/SAGE UEA2 &amp; UIA2 Document 2, SNOW 3G specification), all derived here from their
/// definitions: S_R is the AES S-box, S_Q the Dickson-polynomial box over GF(2^8) mod x^8+x^6+x^5+x^3+1 plus
/// 0x25, MULα/DIVα from MULxPOW over GF(2^8) mod 0xA9, and S1/S2 as four 256-entry tables each that fold the
/// byte S-box into the column mixing.
/// </summary>
internal static class Snow3GTables
{
    /// <summary>S_Q (spec 3.3.2).</summary>
    public static readonly byte[] SQ = BuildSQ();

    /// <summary>MULα(c) for every byte c (spec 3.4.2).</summary>
    public static readonly uint[] MulAlpha = BuildAlpha([23, 245, 48, 239]);

    /// <summary>DIVα(c) for every byte c (spec 3.4.3).</summary>
    public static readonly uint[] DivAlpha = BuildAlpha([16, 39, 6, 64]);

    /// <summary>S1 as T0[w0] ^ T1[w1] ^ T2[w2] ^ T3[w3], w0 the most significant byte; 4 × 256 entries.</summary>
    public static readonly uint[] S1 = BuildBox(AesReference.SBox, 0x1B);

    /// <summary>S2 in the same layout as <see cref="S1"/>.</summary>
    public static readonly uint[] S2 = BuildBox(SQ, 0x69);

    /// <summary>MULx(V, c) (spec 3.1.1): V·x in GF(2^8) with reduction byte c.</summary>
    public static byte MulX(byte v, byte c) => (byte)((v & 0x80) != 0 ? (v << 1) ^ c : v << 1);

    /// <summary>MULxPOW(V, i, c) (spec 3.1.2): MULx applied i times.</summary>
    public static byte MulXPow(byte v, int i, byte c)
    {
        for (; i > 0; i--)
        {
            v = MulX(v, c);
        }

        return v;
    }

    /// <summary>The spec's 32-bit S-box S1 or S2 from its byte S-box and reduction byte (3.3.1 / 3.3.3), for reading.</summary>
    public static uint SBoxReference(uint w, byte[] box, byte c) =>
        Mix(box[w >> 24], box[(w >> 16) & 0xFF], box[(w >> 8) & 0xFF], box[w & 0xFF], c);

    /// <summary>The column mixing of S1/S2 applied to four S-box outputs (r0 is the most significant byte).</summary>
    private static uint Mix(byte s0, byte s1, byte s2, byte s3, byte c)
    {
        byte r0 = (byte)(MulX(s0, c) ^ s1 ^ s2 ^ MulX(s3, c) ^ s3);
        byte r1 = (byte)(MulX(s0, c) ^ s0 ^ MulX(s1, c) ^ s2 ^ s3);
        byte r2 = (byte)(s0 ^ MulX(s1, c) ^ s1 ^ MulX(s2, c) ^ s3);
        byte r3 = (byte)(s0 ^ s1 ^ MulX(s2, c) ^ s2 ^ MulX(s3, c));
        return ((uint)r0 << 24) | ((uint)r1 << 16) | ((uint)r2 << 8) | r3;
    }

    private static byte[] BuildSQ()
    {
        // g49(x) = x + x^9 + x^13 + x^15 + x^33 + x^41 + x^45 + x^47 + x^49 over GF(2^8) mod 0x169.
        int[] exponents = [1, 9, 13, 15, 33, 41, 45, 47, 49];
        var box = new byte[256];
        for (int x = 0; x < 256; x++)
        {
            int sum = 0x25;
            foreach (int e in exponents)
            {
                sum ^= Power(x, e);
            }

            box[x] = (byte)sum;
        }

        return box;
    }

    private static int Power(int x, int exponent)
    {
        int result = 1;
        for (int i = 0; i < exponent; i++)
        {
            result = MultiplyQ(result, x);
        }

        return result;
    }

    private static int MultiplyQ(int a, int b)
    {
        int product = 0;
        for (int bit = 0; bit < 8; bit++)
        {
            if ((b & (1 << bit)) != 0)
            {
                product ^= a;
            }

            a <<= 1;
            if ((a & 0x100) != 0)
            {
                a ^= 0x169;
            }
        }

        return product;
    }

    private static uint[] BuildAlpha(int[] powers)
    {
        var table = new uint[256];
        for (int c = 0; c < 256; c++)
        {
            uint value = 0;
            foreach (int p in powers)
            {
                value = (value << 8) | MulXPow((byte)c, p, 0xA9);
            }

            table[c] = value;
        }

        return table;
    }

    private static uint[] BuildBox(byte[] box, byte c)
    {
        // The mixing is linear over GF(2), so S(w) is the XOR of the mixing of each byte's S-box output alone.
        var table = new uint[4 * 256];
        for (int b = 0; b < 256; b++)
        {
            byte s = box[b];
            table[b] = Mix(s, 0, 0, 0, c);
            table[256 + b] = Mix(0, s, 0, 0, c);
            table[512 + b] = Mix(0, 0, s, 0, c);
            table[768 + b] = Mix(0, 0, 0, s, c);
        }

        return table;
    }
}
