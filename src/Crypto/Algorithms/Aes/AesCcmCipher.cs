using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace AccelSdk.Crypto.Algorithms.Aes;

/// <summary>
/// AES-CCM (NIST SP 800-38C): CBC-MAC over the formatted B0 ‖ encoded AAD ‖ payload, then counter mode with
/// Ctr_0 masking the tag. Nonces of 7 to 13 bytes, tags of 4 to 16 even bytes; no allocation, and a verify failure
/// is a return value.
/// </summary>
internal sealed class AesCcmCipher
{
    /// <summary>Wraps an expanded key.</summary>
    public AesCcmCipher(AesKey key, AesImplementation implementation = AesImplementation.Auto)
    {
        Key = key;
        Implementation = AesKey.Resolve(implementation);
    }

    /// <summary>The expanded key.</summary>
    public AesKey Key { get; }

    /// <summary>The AES implementation in use.</summary>
    public AesImplementation Implementation { get; }

    /// <summary>Encrypts <paramref name="input"/> into <paramref name="output"/> (may be the same span) and writes the <c>tag.Length</c>-byte tag.</summary>
    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> input, Span<byte> output, Span<byte> tag)
    {
        Span<byte> mac = stackalloc byte[16];
        CbcMac(nonce, aad, input, tag.Length, mac);
        Span<byte> counter = stackalloc byte[16];
        FormatCounter(nonce, counter);
        Span<byte> s0 = stackalloc byte[16];
        AesCore.EncryptBlock(Key, Vector128.Create((ReadOnlySpan<byte>)counter), Implementation).CopyTo(s0);
        counter[15] = 1;
        AesCtr.Transform(Key, counter, input, output, increment32: false, Implementation);
        for (int i = 0; i < tag.Length; i++)
        {
            tag[i] = (byte)(mac[i] ^ s0[i]);
        }
    }

    /// <summary>Decrypts <paramref name="input"/> into <paramref name="output"/> and checks the tag.</summary>
    /// <returns>Whether the tag matched.</returns>
    public bool Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> input, Span<byte> output, ReadOnlySpan<byte> tag)
    {
        Span<byte> counter = stackalloc byte[16];
        FormatCounter(nonce, counter);
        Span<byte> s0 = stackalloc byte[16];
        AesCore.EncryptBlock(Key, Vector128.Create((ReadOnlySpan<byte>)counter), Implementation).CopyTo(s0);
        counter[15] = 1;
        AesCtr.Transform(Key, counter, input, output, increment32: false, Implementation);
        Span<byte> mac = stackalloc byte[16];
        CbcMac(nonce, aad, output[..input.Length], tag.Length, mac);
        for (int i = 0; i < tag.Length; i++)
        {
            mac[i] ^= s0[i];
        }

        return CryptographicOperations.FixedTimeEquals(mac[..tag.Length], tag);
    }

    /// <summary>Ctr_0: flags = q − 1, then the nonce, then a zero counter of q = 15 − n bytes (SP 800-38C A.3).</summary>
    private static void FormatCounter(ReadOnlySpan<byte> nonce, Span<byte> counter)
    {
        counter.Clear();
        counter[0] = (byte)(15 - nonce.Length - 1);
        nonce.CopyTo(counter[1..]);
    }

    private void CbcMac(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> payload, int tagLength, Span<byte> mac)
    {
        int q = 15 - nonce.Length;
        Span<byte> block = stackalloc byte[16];

        // B0 (SP 800-38C A.2.1): flags = 64·Adata + 8·((t − 2) / 2) + (q − 1), nonce, payload length in q bytes.
        block.Clear();
        block[0] = (byte)((aad.IsEmpty ? 0 : 0x40) | (((tagLength - 2) / 2) << 3) | (q - 1));
        nonce.CopyTo(block[1..]);
        long length = payload.Length;
        for (int i = 15; i > nonce.Length && length != 0; i--)
        {
            block[i] = (byte)length;
            length >>= 8;
        }

        Vector128<byte> x = Encrypt(Vector128.Create((ReadOnlySpan<byte>)block));
        if (!aad.IsEmpty)
        {
            // A.2.2: the AAD length in 2 bytes (< 2^16 − 2^8), or 0xFFFE and 4 bytes; then the AAD, zero-padded.
            block.Clear();
            int header;
            if (aad.Length < 0xFF00)
            {
                block[0] = (byte)(aad.Length >> 8);
                block[1] = (byte)aad.Length;
                header = 2;
            }
            else
            {
                block[0] = 0xFF;
                block[1] = 0xFE;
                block[2] = (byte)(aad.Length >> 24);
                block[3] = (byte)(aad.Length >> 16);
                block[4] = (byte)(aad.Length >> 8);
                block[5] = (byte)aad.Length;
                header = 6;
            }

            int first = Math.Min(16 - header, aad.Length);
            aad[..first].CopyTo(block[header..]);
            x = Encrypt(x ^ Vector128.Create((ReadOnlySpan<byte>)block));
            x = Absorb(x, aad[first..], block);
        }

        x = Absorb(x, payload, block);
        x.CopyTo(mac);
    }

    private Vector128<byte> Absorb(Vector128<byte> x, ReadOnlySpan<byte> data, Span<byte> scratch)
    {
        int whole = data.Length & ~15;
        ref byte src = ref MemoryMarshal.GetReference(data);
        for (int i = 0; i < whole; i += 16)
        {
            x = Encrypt(x ^ Vector128.LoadUnsafe(ref src, (nuint)i));
        }

        if (whole < data.Length)
        {
            scratch.Clear();
            data[whole..].CopyTo(scratch);
            x = Encrypt(x ^ Vector128.Create((ReadOnlySpan<byte>)scratch));
        }

        return x;
    }

    private Vector128<byte> Encrypt(Vector128<byte> block) =>
        Implementation == AesImplementation.AesNi ? AesCore.EncryptBlockNi(Key.EncryptRoundKeys, block) : AesCore.EncryptBlockScalar(Key, block);
}
