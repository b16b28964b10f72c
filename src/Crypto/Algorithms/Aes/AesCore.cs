using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace AccelSdk.Crypto.Algorithms.Aes;

/// <summary>
/// Single-block and multi-block AES over an <see cref="AesKey"/>, for both implementations. The modes build on
/// these; the AES-NI paths keep eight independent blocks in flight because AESENC has a latency of several cycles
/// but a throughput of one or two per cycle.
/// </summary>
internal static class AesCore
{
    /// <summary>Encrypts one block held in a vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> EncryptBlock(AesKey key, Vector128<byte> block, AesImplementation implementation)
    {
        if (implementation == AesImplementation.AesNi)
        {
            return EncryptBlockNi(key.EncryptRoundKeys, block);
        }

        return EncryptBlockScalar(key, block);
    }

    /// <summary>Decrypts one block held in a vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> DecryptBlock(AesKey key, Vector128<byte> block, AesImplementation implementation)
    {
        if (implementation == AesImplementation.AesNi)
        {
            return DecryptBlockNi(key.DecryptRoundKeys, block);
        }

        Span<byte> bytes = stackalloc byte[16];
        block.CopyTo(bytes);
        AesReference.DecryptBlock(key, bytes, bytes);
        return Vector128.Create((ReadOnlySpan<byte>)bytes);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector128<byte> EncryptBlockScalar(AesKey key, Vector128<byte> block)
    {
        Span<byte> bytes = stackalloc byte[16];
        block.CopyTo(bytes);
        AesReference.EncryptBlock(key, bytes, bytes);
        return Vector128.Create((ReadOnlySpan<byte>)bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> EncryptBlockNi(Vector128<byte>[] keys, Vector128<byte> block)
    {
        int rounds = keys.Length - 1;
        block ^= keys[0];
        for (int r = 1; r < rounds; r++)
        {
            block = X86Aes.Encrypt(block, keys[r]);
        }

        return X86Aes.EncryptLast(block, keys[rounds]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> DecryptBlockNi(Vector128<byte>[] keys, Vector128<byte> block)
    {
        int rounds = keys.Length - 1;
        block ^= keys[0];
        for (int r = 1; r < rounds; r++)
        {
            block = X86Aes.Decrypt(block, keys[r]);
        }

        return X86Aes.DecryptLast(block, keys[rounds]);
    }

    /// <summary>ECB: encrypts whole blocks of <paramref name="input"/> into <paramref name="output"/> (may be the same span).</summary>
    public static void EncryptBlocks(AesKey key, ReadOnlySpan<byte> input, Span<byte> output, AesImplementation implementation)
    {
        int length = input.Length & ~15;
        ref byte src = ref MemoryMarshal.GetReference(input);
        ref byte dst = ref MemoryMarshal.GetReference(output);
        int i = 0;
        if (implementation == AesImplementation.AesNi)
        {
            Vector128<byte>[] k = key.EncryptRoundKeys;
            int rounds = k.Length - 1;
            for (; i + 128 <= length; i += 128)
            {
                Vector128<byte> k0 = k[0];
                Vector128<byte> b0 = Vector128.LoadUnsafe(ref src, (nuint)i) ^ k0;
                Vector128<byte> b1 = Vector128.LoadUnsafe(ref src, (nuint)(i + 16)) ^ k0;
                Vector128<byte> b2 = Vector128.LoadUnsafe(ref src, (nuint)(i + 32)) ^ k0;
                Vector128<byte> b3 = Vector128.LoadUnsafe(ref src, (nuint)(i + 48)) ^ k0;
                Vector128<byte> b4 = Vector128.LoadUnsafe(ref src, (nuint)(i + 64)) ^ k0;
                Vector128<byte> b5 = Vector128.LoadUnsafe(ref src, (nuint)(i + 80)) ^ k0;
                Vector128<byte> b6 = Vector128.LoadUnsafe(ref src, (nuint)(i + 96)) ^ k0;
                Vector128<byte> b7 = Vector128.LoadUnsafe(ref src, (nuint)(i + 112)) ^ k0;
                for (int r = 1; r < rounds; r++)
                {
                    Vector128<byte> rk = k[r];
                    b0 = X86Aes.Encrypt(b0, rk);
                    b1 = X86Aes.Encrypt(b1, rk);
                    b2 = X86Aes.Encrypt(b2, rk);
                    b3 = X86Aes.Encrypt(b3, rk);
                    b4 = X86Aes.Encrypt(b4, rk);
                    b5 = X86Aes.Encrypt(b5, rk);
                    b6 = X86Aes.Encrypt(b6, rk);
                    b7 = X86Aes.Encrypt(b7, rk);
                }

                Vector128<byte> last = k[rounds];
                X86Aes.EncryptLast(b0, last).StoreUnsafe(ref dst, (nuint)i);
                X86Aes.EncryptLast(b1, last).StoreUnsafe(ref dst, (nuint)(i + 16));
                X86Aes.EncryptLast(b2, last).StoreUnsafe(ref dst, (nuint)(i + 32));
                X86Aes.EncryptLast(b3, last).StoreUnsafe(ref dst, (nuint)(i + 48));
                X86Aes.EncryptLast(b4, last).StoreUnsafe(ref dst, (nuint)(i + 64));
                X86Aes.EncryptLast(b5, last).StoreUnsafe(ref dst, (nuint)(i + 80));
                X86Aes.EncryptLast(b6, last).StoreUnsafe(ref dst, (nuint)(i + 96));
                X86Aes.EncryptLast(b7, last).StoreUnsafe(ref dst, (nuint)(i + 112));
            }

            for (; i < length; i += 16)
            {
                EncryptBlockNi(k, Vector128.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
            }

            return;
        }

        for (; i < length; i += 16)
        {
            EncryptBlockScalar(key, Vector128.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
        }
    }

    /// <summary>ECB: decrypts whole blocks of <paramref name="input"/> into <paramref name="output"/> (may be the same span).</summary>
    public static void DecryptBlocks(AesKey key, ReadOnlySpan<byte> input, Span<byte> output, AesImplementation implementation)
    {
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
                Vector128<byte> k0 = k[0];
                Vector128<byte> b0 = Vector128.LoadUnsafe(ref src, (nuint)i) ^ k0;
                Vector128<byte> b1 = Vector128.LoadUnsafe(ref src, (nuint)(i + 16)) ^ k0;
                Vector128<byte> b2 = Vector128.LoadUnsafe(ref src, (nuint)(i + 32)) ^ k0;
                Vector128<byte> b3 = Vector128.LoadUnsafe(ref src, (nuint)(i + 48)) ^ k0;
                Vector128<byte> b4 = Vector128.LoadUnsafe(ref src, (nuint)(i + 64)) ^ k0;
                Vector128<byte> b5 = Vector128.LoadUnsafe(ref src, (nuint)(i + 80)) ^ k0;
                Vector128<byte> b6 = Vector128.LoadUnsafe(ref src, (nuint)(i + 96)) ^ k0;
                Vector128<byte> b7 = Vector128.LoadUnsafe(ref src, (nuint)(i + 112)) ^ k0;
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
                X86Aes.DecryptLast(b0, last).StoreUnsafe(ref dst, (nuint)i);
                X86Aes.DecryptLast(b1, last).StoreUnsafe(ref dst, (nuint)(i + 16));
                X86Aes.DecryptLast(b2, last).StoreUnsafe(ref dst, (nuint)(i + 32));
                X86Aes.DecryptLast(b3, last).StoreUnsafe(ref dst, (nuint)(i + 48));
                X86Aes.DecryptLast(b4, last).StoreUnsafe(ref dst, (nuint)(i + 64));
                X86Aes.DecryptLast(b5, last).StoreUnsafe(ref dst, (nuint)(i + 80));
                X86Aes.DecryptLast(b6, last).StoreUnsafe(ref dst, (nuint)(i + 96));
                X86Aes.DecryptLast(b7, last).StoreUnsafe(ref dst, (nuint)(i + 112));
            }

            for (; i < length; i += 16)
            {
                DecryptBlockNi(k, Vector128.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
            }

            return;
        }

        for (; i < length; i += 16)
        {
            DecryptBlock(key, Vector128.LoadUnsafe(ref src, (nuint)i), AesImplementation.Scalar).StoreUnsafe(ref dst, (nuint)i);
        }
    }
}
