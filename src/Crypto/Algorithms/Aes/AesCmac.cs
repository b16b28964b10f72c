using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AccelSdk.Crypto.Algorithms.Aes;

/// <summary>
/// AES-CMAC (NIST SP 800-38B, RFC 4493); 128-NIA2 (TS 33.401 B.2.3) is AES-128-CMAC truncated to 32 bits over
/// COUNT ‖ BEARER ‖ DIRECTION ‖ 0^26 ‖ MESSAGE, the prefix being supplied by the caller. The subkeys K1 and K2 are
/// derived once per key.
/// </summary>
internal sealed class AesCmac
{
    private readonly Vector128<byte> _k1;
    private readonly Vector128<byte> _k2;

    /// <summary>Derives the subkeys for <paramref name="key"/>.</summary>
    public AesCmac(AesKey key, AesImplementation implementation)
    {
        Key = key;
        Implementation = AesKey.Resolve(implementation);
        Vector128<byte> l = AesCore.EncryptBlock(key, Vector128<byte>.Zero, Implementation);
        _k1 = Double(l);
        _k2 = Double(_k1);
    }

    /// <summary>The expanded key.</summary>
    public AesKey Key { get; }

    /// <summary>The AES implementation in use.</summary>
    public AesImplementation Implementation { get; }

    /// <summary>Computes the full 16-byte MAC of <paramref name="message"/> into <paramref name="mac"/>.</summary>
    public void Compute(ReadOnlySpan<byte> message, Span<byte> mac)
    {
        int length = message.Length;
        int blocks = length == 0 ? 1 : (length + 15) >> 4;
        bool complete = length != 0 && (length & 15) == 0;
        ref byte src = ref MemoryMarshal.GetReference(message);
        Vector128<byte> x = Vector128<byte>.Zero;
        int full = (blocks - 1) * 16;
        if (Implementation == AesImplementation.AesNi)
        {
            Vector128<byte>[] k = Key.EncryptRoundKeys;
            for (int i = 0; i < full; i += 16)
            {
                x = AesCore.EncryptBlockNi(k, x ^ Vector128.LoadUnsafe(ref src, (nuint)i));
            }
        }
        else
        {
            for (int i = 0; i < full; i += 16)
            {
                x = AesCore.EncryptBlockScalar(Key, x ^ Vector128.LoadUnsafe(ref src, (nuint)i));
            }
        }

        Vector128<byte> last;
        if (complete)
        {
            last = Vector128.LoadUnsafe(ref src, (nuint)full) ^ _k1;
        }
        else
        {
            Span<byte> padded = stackalloc byte[16];
            padded.Clear();
            message[full..].CopyTo(padded);
            padded[length - full] = 0x80;
            last = Vector128.Create((ReadOnlySpan<byte>)padded) ^ _k2;
        }

        AesCore.EncryptBlock(Key, x ^ last, Implementation).CopyTo(mac);
    }

    /// <summary>Multiplication by x in GF(2^128) for CMAC: a one-bit left shift of the big-endian block, folding 0x87 into the last byte on carry.</summary>
    private static Vector128<byte> Double(Vector128<byte> block)
    {
        Span<byte> b = stackalloc byte[16];
        block.CopyTo(b);
        int carry = b[0] >> 7;
        for (int i = 0; i < 15; i++)
        {
            b[i] = (byte)((b[i] << 1) | (b[i + 1] >> 7));
        }

        b[15] = (byte)((b[15] << 1) ^ (carry * 0x87));
        return Vector128.Create((ReadOnlySpan<byte>)b);
    }
}
