using System.Runtime.CompilerServices;

namespace AccelSdk.Crypto.Algorithms.Kasumi;

/// <summary>
/// The KASUMI block cipher (3GPP TS 35.202): a 64-bit, eight-round Feistel network whose round function is FL then
/// FO in odd rounds and FO then FL in even rounds; FO is a three-round network of FI, and FI a four-round network
/// over the 9- and 7-bit halves of 16 bits with S9 and S7. The subkeys are derived once (4.4).
/// </summary>
internal sealed class Kasumi
{
    private static readonly ushort[] s_constants = [0x0123, 0x4567, 0x89AB, 0xCDEF, 0xFEDC, 0xBA98, 0x7654, 0x3210];

    private readonly ushort[] _kl1 = new ushort[8], _kl2 = new ushort[8];
    private readonly ushort[] _ko1 = new ushort[8], _ko2 = new ushort[8], _ko3 = new ushort[8];
    private readonly ushort[] _ki1 = new ushort[8], _ki2 = new ushort[8], _ki3 = new ushort[8];

    /// <summary>Derives the round subkeys from a 16-byte key (TS 35.202 4.4).</summary>
    public Kasumi(ReadOnlySpan<byte> key)
    {
        Span<ushort> k = stackalloc ushort[8];
        Span<ushort> kPrime = stackalloc ushort[8];
        for (int i = 0; i < 8; i++)
        {
            k[i] = (ushort)((key[2 * i] << 8) | key[(2 * i) + 1]);
            kPrime[i] = (ushort)(k[i] ^ s_constants[i]);
        }

        // Round i (0-based here) uses K_{i+1}, K_{i+2}, … of the spec, indices taken modulo 8.
        for (int i = 0; i < 8; i++)
        {
            _kl1[i] = Rol16(k[i], 1);
            _kl2[i] = kPrime[(i + 2) & 7];
            _ko1[i] = Rol16(k[(i + 1) & 7], 5);
            _ko2[i] = Rol16(k[(i + 5) & 7], 8);
            _ko3[i] = Rol16(k[(i + 6) & 7], 13);
            _ki1[i] = kPrime[(i + 4) & 7];
            _ki2[i] = kPrime[(i + 3) & 7];
            _ki3[i] = kPrime[(i + 7) & 7];
        }
    }

    /// <summary>Encrypts one 64-bit block (the left half is the most significant 32 bits).</summary>
    public ulong Encrypt(ulong block)
    {
        uint left = (uint)(block >> 32);
        uint right = (uint)block;
        for (int i = 0; i < 8; i += 2)
        {
            // Odd round (1, 3, 5, 7 in the spec): FL then FO.
            uint temp = FO(FL(left, i), i);
            right ^= temp;

            // Even round: FO then FL, applied to the new left half (the old right).
            temp = FL(FO(right, i + 1), i + 1);
            left ^= temp;
        }

        return ((ulong)left << 32) | right;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint FL(uint input, int round)
    {
        ushort l = (ushort)(input >> 16);
        ushort r = (ushort)input;
        ushort rOut = (ushort)(r ^ Rol16((ushort)(l & _kl1[round]), 1));
        ushort lOut = (ushort)(l ^ Rol16((ushort)(rOut | _kl2[round]), 1));
        return ((uint)lOut << 16) | rOut;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint FO(uint input, int round)
    {
        ushort l = (ushort)(input >> 16);
        ushort r = (ushort)input;
        l = (ushort)(FI((ushort)(l ^ _ko1[round]), _ki1[round]) ^ r);
        r = (ushort)(FI((ushort)(r ^ _ko2[round]), _ki2[round]) ^ l);
        l = (ushort)(FI((ushort)(l ^ _ko3[round]), _ki3[round]) ^ r);
        return ((uint)r << 16) | l;
    }

    /// <summary>FI (TS 35.202 4.3.3): 9-bit left, 7-bit right halves; S9/S7 with zero-extension and truncation between them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort FI(ushort input, ushort key)
    {
        ushort[] s7 = KasumiTables.S7;
        ushort[] s9 = KasumiTables.S9;
        int nine = input >> 7;
        int seven = input & 0x7F;
        nine = s9[nine] ^ seven;
        seven = s7[seven] ^ (nine & 0x7F);
        seven ^= key >> 9;
        nine ^= key & 0x1FF;
        nine = s9[nine] ^ seven;
        seven = s7[seven] ^ (nine & 0x7F);
        return (ushort)((seven << 9) | nine);
    }

    private static ushort Rol16(ushort value, int count) => (ushort)((value << count) | (value >> (16 - count)));
}
