using AccelSdk.Crypto.Algorithms.Bits;

namespace AccelSdk.Crypto.Algorithms.Zuc;

/// <summary>
/// 128-EEA3 / 128-NEA3 confidentiality (ETSI/SAGE 128-EEA3 &amp; 128-EIA3 Document 1, chapter 3) and its ZUC-256
/// counterpart: the ZUC keystream XORed onto the message bits. The IV is the block the caller built (16 bytes from
/// COUNT, BEARER and DIRECTION for ZUC-128; 25 bytes for ZUC-256).
/// </summary>
internal static class ZucEea3
{
    private const int ChunkBytes = 256;

    /// <summary>Encrypts (or decrypts) bits [<paramref name="bitOffset"/>, + <paramref name="bitLength"/>) of <paramref name="data"/> in place.</summary>
    /// <param name="key">16 bytes (ZUC-128) or 32 bytes (ZUC-256).</param>
    /// <param name="iv">16 or 25 bytes to match.</param>
    /// <param name="data">The buffer, transformed in place.</param>
    /// <param name="bitOffset">First bit of the range (bit 0 = MSB of byte 0).</param>
    /// <param name="bitLength">Length of the range in bits.</param>
    public static void Transform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, Span<byte> data, long bitOffset, long bitLength)
    {
        var generator = default(ZucGenerator);
        if (key.Length == 32)
        {
            generator.Initialize256(key, iv, ZucTables.D256Keystream);
        }
        else
        {
            generator.Initialize128(key, iv);
        }

        Span<byte> chunk = stackalloc byte[ChunkBytes];
        for (long done = 0; done < bitLength; done += ChunkBytes * 8)
        {
            long bits = Math.Min(ChunkBytes * 8, bitLength - done);
            int bytes = (int)((bits + 31) >> 5) << 2;
            generator.GenerateBytes(chunk[..bytes]);
            BitString.XorKeystream(data, bitOffset + done, bits, chunk);
        }
    }
}
