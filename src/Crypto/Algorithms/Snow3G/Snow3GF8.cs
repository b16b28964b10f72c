using AccelSdk.Crypto.Algorithms.Bits;

namespace AccelSdk.Crypto.Algorithms.Snow3G;

/// <summary>
/// UEA2 / 128-NEA1 confidentiality (ETSI/SAGE UEA2 &amp; UIA2 Document 1, 3.x): the SNOW 3G keystream XORed onto
/// the message bits. The IV is the 16-byte block the caller built from COUNT, BEARER and DIRECTION.
/// </summary>
internal static class Snow3GF8
{
    private const int ChunkBytes = 256;

    /// <summary>Encrypts (or decrypts) bits [<paramref name="bitOffset"/>, + <paramref name="bitLength"/>) of <paramref name="data"/> in place.</summary>
    public static void Transform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, Span<byte> data, long bitOffset, long bitLength)
    {
        var generator = default(Snow3GGenerator);
        generator.Initialize(key, iv);
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
