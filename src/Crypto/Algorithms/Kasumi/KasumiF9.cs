using System.Buffers.Binary;

namespace AccelSdk.Crypto.Algorithms.Kasumi;

/// <summary>
/// f9 / UIA1 integrity (3GPP TS 35.201, chapter 4) over the padded string PS = COUNT ‖ FRESH ‖ MESSAGE ‖ DIRECTION ‖
/// 1 ‖ 0…, which the caller supplies (DPDK's convention): A = KASUMI_IK(A ⊕ PS_i) and B ^= A per 64-bit block, then
/// MAC-I = the leftmost 32 bits of KASUMI_{IK ⊕ 0xAA…}(B).
/// </summary>
internal sealed class KasumiF9
{
    private readonly Kasumi _cipher;
    private readonly Kasumi _modified;

    /// <summary>Prepares the key schedules for IK and IK ⊕ KM.</summary>
    public KasumiF9(ReadOnlySpan<byte> key)
    {
        _cipher = new Kasumi(key);
        Span<byte> modified = stackalloc byte[16];
        for (int i = 0; i < 16; i++)
        {
            modified[i] = (byte)(key[i] ^ 0xAA);
        }

        _modified = new Kasumi(modified);
    }

    /// <summary>MAC-I over the first <paramref name="bitLength"/> bits of PS (zero-padded to whole 64-bit blocks).</summary>
    public uint Compute(ReadOnlySpan<byte> ps, long bitLength)
    {
        ulong a = 0, b = 0;
        long whole = bitLength >> 6;
        for (long i = 0; i < whole; i++)
        {
            a = _cipher.Encrypt(a ^ BinaryPrimitives.ReadUInt64BigEndian(ps[(int)(i * 8)..]));
            b ^= a;
        }

        int tail = (int)(bitLength & 63);
        if (tail != 0)
        {
            Span<byte> padded = stackalloc byte[8];
            padded.Clear();
            ps.Slice((int)(whole * 8), (tail + 7) >> 3).CopyTo(padded);
            ulong block = BinaryPrimitives.ReadUInt64BigEndian(padded) & (ulong.MaxValue << (64 - tail));
            a = _cipher.Encrypt(a ^ block);
            b ^= a;
        }

        return (uint)(_modified.Encrypt(b) >> 32);
    }

    /// <summary>
    /// MAC-I from the standard's parameters instead of a prepared PS (TS 35.201 4.4): builds PS from COUNT, FRESH,
    /// MESSAGE, DIRECTION, the 1 bit and zero padding.
    /// </summary>
    public uint Compute(uint count, uint fresh, bool direction, ReadOnlySpan<byte> message, long messageBits)
    {
        long psBits = 64 + messageBits + 2;
        int psBytes = (int)((psBits + 63) >> 6) << 3;
        Span<byte> ps = psBytes <= 1024 ? stackalloc byte[psBytes] : new byte[psBytes];
        ps.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(ps, count);
        BinaryPrimitives.WriteUInt32BigEndian(ps[4..], fresh);
        Bits.BitString.XorKeystream(ps, 64, messageBits, message);
        long at = 64 + messageBits;
        if (direction)
        {
            ps[(int)(at >> 3)] |= (byte)(0x80 >> (int)(at & 7));
        }

        at++;
        ps[(int)(at >> 3)] |= (byte)(0x80 >> (int)(at & 7));
        return Compute(ps, ((at + 1 + 7) >> 3) * 8);
    }
}
