using System.Buffers.Binary;
using AccelSdk.Crypto.Algorithms.Aes;

namespace AccelSdk.Crypto.Algorithms.Snow3G;

/// <summary>
/// SNOW 3G written the way its specification is (ETSI/SAGE UEA2 &amp; UIA2 Document 2, chapter 3): a 16-word LFSR
/// shifted as an array, the FSM with S1/S2 computed from the byte S-boxes on every clock. Slow; it documents the
/// math and is the oracle for <see cref="Snow3GGenerator"/>.
/// </summary>
internal static class Snow3GReference
{
    /// <summary>Produces <c>keystream.Length</c> keystream words z1, z2, … for a 16-byte key and IV.</summary>
    public static void Generate(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, Span<uint> keystream)
    {
        // Key and IV words (3.4.4): k3 is key bytes 0..3, IV3 is IV bytes 0..3.
        uint k0 = BinaryPrimitives.ReadUInt32BigEndian(key[12..]), k1 = BinaryPrimitives.ReadUInt32BigEndian(key[8..]);
        uint k2 = BinaryPrimitives.ReadUInt32BigEndian(key[4..]), k3 = BinaryPrimitives.ReadUInt32BigEndian(key);
        uint iv0 = BinaryPrimitives.ReadUInt32BigEndian(iv[12..]), iv1 = BinaryPrimitives.ReadUInt32BigEndian(iv[8..]);
        uint iv2 = BinaryPrimitives.ReadUInt32BigEndian(iv[4..]), iv3 = BinaryPrimitives.ReadUInt32BigEndian(iv);
        const uint one = 0xFFFF_FFFF;
        uint[] s =
        [
            k0 ^ one, k1 ^ one, k2 ^ one, k3 ^ one, k0, k1, k2, k3,
            k0 ^ one, k1 ^ one ^ iv3, k2 ^ one ^ iv2, k3 ^ one, k0 ^ iv1, k1, k2, k3 ^ iv0,
        ];
        uint r1 = 0, r2 = 0, r3 = 0;

        for (int i = 0; i < 32; i++)
        {
            uint f = ClockFsm(s, ref r1, ref r2, ref r3);
            ClockLfsr(s, f);
        }

        ClockFsm(s, ref r1, ref r2, ref r3);
        ClockLfsr(s, 0);
        for (int t = 0; t < keystream.Length; t++)
        {
            uint f = ClockFsm(s, ref r1, ref r2, ref r3);
            keystream[t] = f ^ s[0];
            ClockLfsr(s, 0);
        }
    }

    /// <summary>ClockFSM (3.4.6).</summary>
    private static uint ClockFsm(uint[] s, ref uint r1, ref uint r2, ref uint r3)
    {
        uint f = unchecked(s[15] + r1) ^ r2;
        uint r = unchecked(r2 + (r3 ^ s[5]));
        r3 = Snow3GTables.SBoxReference(r2, Snow3GTables.SQ, 0x69);
        r2 = Snow3GTables.SBoxReference(r1, AesReference.SBox, 0x1B);
        r1 = r;
        return f;
    }

    /// <summary>ClockLFSRInitializationMode (3.4.4) with F, or ClockLFSRKeyStreamMode (3.4.5) with 0.</summary>
    private static void ClockLfsr(uint[] s, uint f)
    {
        uint v = (s[0] << 8) ^ MulAlpha((byte)(s[0] >> 24)) ^ s[2] ^ (s[11] >> 8) ^ DivAlpha((byte)s[11]) ^ f;
        Array.Copy(s, 1, s, 0, 15);
        s[15] = v;
    }

    private static uint MulAlpha(byte c) =>
        ((uint)Snow3GTables.MulXPow(c, 23, 0xA9) << 24) | ((uint)Snow3GTables.MulXPow(c, 245, 0xA9) << 16)
        | ((uint)Snow3GTables.MulXPow(c, 48, 0xA9) << 8) | Snow3GTables.MulXPow(c, 239, 0xA9);

    private static uint DivAlpha(byte c) =>
        ((uint)Snow3GTables.MulXPow(c, 16, 0xA9) << 24) | ((uint)Snow3GTables.MulXPow(c, 39, 0xA9) << 16)
        | ((uint)Snow3GTables.MulXPow(c, 6, 0xA9) << 8) | Snow3GTables.MulXPow(c, 64, 0xA9);
}
