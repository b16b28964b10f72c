using System.Buffers.Binary;
using AccelSdk.Crypto.Algorithms.Bits;

namespace AccelSdk.Crypto.Algorithms.Kasumi;

/// <summary>
/// f8 / UEA1 confidentiality (3GPP TS 35.201, chapter 3): A = KASUMI_{CK ⊕ 0x55…}(IV), then keystream blocks
/// KSB_n = KASUMI_CK(A ⊕ (n − 1) ⊕ KSB_{n−1}), XORed onto the message bits. The 8-byte IV is
/// COUNT ‖ BEARER ‖ DIRECTION ‖ 0… as the caller built it.
/// </summary>
internal sealed class KasumiF8
{
    private const int ChunkBytes = 256;
    private readonly Kasumi _cipher;
    private readonly Kasumi _modified;

    /// <summary>Prepares the key schedules for CK and CK ⊕ KM.</summary>
    public KasumiF8(ReadOnlySpan<byte> key)
    {
        _cipher = new Kasumi(key);
        Span<byte> modified = stackalloc byte[16];
        for (int i = 0; i < 16; i++)
        {
            modified[i] = (byte)(key[i] ^ 0x55);
        }

        _modified = new Kasumi(modified);
    }

    /// <summary>Encrypts (or decrypts) bits [<paramref name="bitOffset"/>, + <paramref name="bitLength"/>) of <paramref name="data"/> in place.</summary>
    public void Transform(ReadOnlySpan<byte> iv, Span<byte> data, long bitOffset, long bitLength)
    {
        ulong a = _modified.Encrypt(BinaryPrimitives.ReadUInt64BigEndian(iv));
        ulong ksb = 0;
        ulong counter = 0;
        Span<byte> chunk = stackalloc byte[ChunkBytes];
        for (long done = 0; done < bitLength; done += ChunkBytes * 8)
        {
            long bits = Math.Min(ChunkBytes * 8, bitLength - done);
            int bytes = (int)((bits + 63) >> 6) << 3;
            for (int i = 0; i < bytes; i += 8)
            {
                ksb = _cipher.Encrypt(a ^ counter ^ ksb);
                counter++;
                BinaryPrimitives.WriteUInt64BigEndian(chunk[i..], ksb);
            }

            BitString.XorKeystream(data, bitOffset + done, bits, chunk);
        }
    }
}
