using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace AccelSdk.Crypto.Algorithms.Aes;

/// <summary>
/// AES-CBC without padding (NIST SP 800-38A 6.2). Encryption is serial by definition; decryption runs eight
/// blocks in parallel. Input and output may be the same span.
/// </summary>
internal static class AesCbc
{
    /// <summary>Encrypts whole blocks; <paramref name="iv"/> is 16 bytes.</summary>
    public static void Encrypt(AesKey key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output, AesImplementation implementation)
    {
        Vector128<byte> chain = Vector128.Create(iv[..16]);
        int length = input.Length & ~15;
        ref byte src = ref MemoryMarshal.GetReference(input);
        ref byte dst = ref MemoryMarshal.GetReference(output);
        if (implementation == AesImplementation.AesNi)
        {
            Vector128<byte>[] k = key.EncryptRoundKeys;
            for (int i = 0; i < length; i += 16)
            {
                chain = AesCore.EncryptBlockNi(k, chain ^ Vector128.LoadUnsafe(ref src, (nuint)i));
                chain.StoreUnsafe(ref dst, (nuint)i);
            }

            return;
        }

        for (int i = 0; i < length; i += 16)
        {
            chain = AesCore.EncryptBlockScalar(key, chain ^ Vector128.LoadUnsafe(ref src, (nuint)i));
            chain.StoreUnsafe(ref dst, (nuint)i);
        }
    }

    /// <summary>Decrypts whole blocks; <paramref name="iv"/> is 16 bytes.</summary>
    public static void Decrypt(AesKey key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output, AesImplementation implementation)
    {
        Vector128<byte> chain = Vector128.Create(iv[..16]);
        int length = input.Length & ~15;
        ref byte src = ref MemoryMarshal.GetReference(input);
        ref byte dst = ref MemoryMarshal.GetReference(output);
        int i = 0;
        if (implementation == AesImplementation.AesNi)
        {
            Vector128<byte>[] k = key.DecryptRoundKeys;
            int rounds = k.Length - 1;
            for (; i + 128 <= length; i += 128)
            {
                // Load all ciphertext blocks first: in place, the stores below overwrite them.
                Vector128<byte> c0 = Vector128.LoadUnsafe(ref src, (nuint)i);
                Vector128<byte> c1 = Vector128.LoadUnsafe(ref src, (nuint)(i + 16));
                Vector128<byte> c2 = Vector128.LoadUnsafe(ref src, (nuint)(i + 32));
                Vector128<byte> c3 = Vector128.LoadUnsafe(ref src, (nuint)(i + 48));
                Vector128<byte> c4 = Vector128.LoadUnsafe(ref src, (nuint)(i + 64));
                Vector128<byte> c5 = Vector128.LoadUnsafe(ref src, (nuint)(i + 80));
                Vector128<byte> c6 = Vector128.LoadUnsafe(ref src, (nuint)(i + 96));
                Vector128<byte> c7 = Vector128.LoadUnsafe(ref src, (nuint)(i + 112));
                Vector128<byte> k0 = k[0];
                Vector128<byte> b0 = c0 ^ k0, b1 = c1 ^ k0, b2 = c2 ^ k0, b3 = c3 ^ k0;
                Vector128<byte> b4 = c4 ^ k0, b5 = c5 ^ k0, b6 = c6 ^ k0, b7 = c7 ^ k0;
                for (int r = 1; r < rounds; r++)
                {
                    Vector128<byte> rk = k[r];
                    b0 = X86Aes.Decrypt(b0, rk);
                    b1 = X86Aes.Decrypt(b1, rk);
                    b2 = X86Aes.Decrypt(b2, rk);
                    b3 = X86Aes.Decrypt(b3, rk);
                    b4 = X86Aes.Decrypt(b4, rk);
                    b5 = X86Aes.Decrypt(b5, rk);
                    b6 = X86Aes.Decrypt(b6, rk);
                    b7 = X86Aes.Decrypt(b7, rk);
                }

                Vector128<byte> last = k[rounds];
                (X86Aes.DecryptLast(b0, last) ^ chain).StoreUnsafe(ref dst, (nuint)i);
                (X86Aes.DecryptLast(b1, last) ^ c0).StoreUnsafe(ref dst, (nuint)(i + 16));
                (X86Aes.DecryptLast(b2, last) ^ c1).StoreUnsafe(ref dst, (nuint)(i + 32));
                (X86Aes.DecryptLast(b3, last) ^ c2).StoreUnsafe(ref dst, (nuint)(i + 48));
                (X86Aes.DecryptLast(b4, last) ^ c3).StoreUnsafe(ref dst, (nuint)(i + 64));
                (X86Aes.DecryptLast(b5, last) ^ c4).StoreUnsafe(ref dst, (nuint)(i + 80));
                (X86Aes.DecryptLast(b6, last) ^ c5).StoreUnsafe(ref dst, (nuint)(i + 96));
                (X86Aes.DecryptLast(b7, last) ^ c6).StoreUnsafe(ref dst, (nuint)(i + 112));
                chain = c7;
            }

            for (; i < length; i += 16)
            {
                Vector128<byte> c = Vector128.LoadUnsafe(ref src, (nuint)i);
                (AesCore.DecryptBlockNi(k, c) ^ chain).StoreUnsafe(ref dst, (nuint)i);
                chain = c;
            }

            return;
        }

        for (; i < length; i += 16)
        {
            Vector128<byte> c = Vector128.LoadUnsafe(ref src, (nuint)i);
            (AesCore.DecryptBlock(key, c, AesImplementation.Scalar) ^ chain).StoreUnsafe(ref dst, (nuint)i);
            chain = c;
        }
    }
}
