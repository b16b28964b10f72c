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
    public static void EncryptBlocks(AesKey key, ReadOnlySpan<byte> input, Span<byte> output, AesImplementation implementation) =>
        TransformBlocks<Encryption>(key, input, output, implementation);

    /// <summary>ECB: decrypts whole blocks of <paramref name="input"/> into <paramref name="output"/> (may be the same span).</summary>
    public static void DecryptBlocks(AesKey key, ReadOnlySpan<byte> input, Span<byte> output, AesImplementation implementation) =>
        TransformBlocks<Decryption>(key, input, output, implementation);

    /// <summary>
    /// Whole blocks in one direction: eight blocks in flight through the AES-NI rounds, then one at a time. The direction
    /// is a struct type argument, so the JIT compiles one specialised loop per direction.
    /// </summary>
    private static void TransformBlocks<TDirection>(AesKey key, ReadOnlySpan<byte> input, Span<byte> output, AesImplementation implementation)
        where TDirection : struct, IAesDirection
    {
        int length = input.Length & ~15;
        ref byte src = ref MemoryMarshal.GetReference(input);
        ref byte dst = ref MemoryMarshal.GetReference(output);
        int i = 0;
        if (implementation == AesImplementation.AesNi)
        {
            Vector128<byte>[] k = TDirection.RoundKeys(key);
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
                    b0 = TDirection.Round(b0, rk);
                    b1 = TDirection.Round(b1, rk);
                    b2 = TDirection.Round(b2, rk);
                    b3 = TDirection.Round(b3, rk);
                    b4 = TDirection.Round(b4, rk);
                    b5 = TDirection.Round(b5, rk);
                    b6 = TDirection.Round(b6, rk);
                    b7 = TDirection.Round(b7, rk);
                }

                Vector128<byte> last = k[rounds];
                TDirection.LastRound(b0, last).StoreUnsafe(ref dst, (nuint)i);
                TDirection.LastRound(b1, last).StoreUnsafe(ref dst, (nuint)(i + 16));
                TDirection.LastRound(b2, last).StoreUnsafe(ref dst, (nuint)(i + 32));
                TDirection.LastRound(b3, last).StoreUnsafe(ref dst, (nuint)(i + 48));
                TDirection.LastRound(b4, last).StoreUnsafe(ref dst, (nuint)(i + 64));
                TDirection.LastRound(b5, last).StoreUnsafe(ref dst, (nuint)(i + 80));
                TDirection.LastRound(b6, last).StoreUnsafe(ref dst, (nuint)(i + 96));
                TDirection.LastRound(b7, last).StoreUnsafe(ref dst, (nuint)(i + 112));
            }
        }

        for (; i < length; i += 16)
        {
            TDirection.Block(key, Vector128.LoadUnsafe(ref src, (nuint)i), implementation).StoreUnsafe(ref dst, (nuint)i);
        }
    }

    /// <summary>One direction of the cipher: its round keys, its AES-NI rounds and its single-block path.</summary>
    private interface IAesDirection
    {
        static abstract Vector128<byte>[] RoundKeys(AesKey key);

        static abstract Vector128<byte> Round(Vector128<byte> block, Vector128<byte> roundKey);

        static abstract Vector128<byte> LastRound(Vector128<byte> block, Vector128<byte> roundKey);

        static abstract Vector128<byte> Block(AesKey key, Vector128<byte> block, AesImplementation implementation);
    }

    private readonly struct Encryption : IAesDirection
    {
        public static Vector128<byte>[] RoundKeys(AesKey key) => key.EncryptRoundKeys;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<byte> Round(Vector128<byte> block, Vector128<byte> roundKey) => X86Aes.Encrypt(block, roundKey);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<byte> LastRound(Vector128<byte> block, Vector128<byte> roundKey) => X86Aes.EncryptLast(block, roundKey);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<byte> Block(AesKey key, Vector128<byte> block, AesImplementation implementation) => EncryptBlock(key, block, implementation);
    }

    private readonly struct Decryption : IAesDirection
    {
        public static Vector128<byte>[] RoundKeys(AesKey key) => key.DecryptRoundKeys;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<byte> Round(Vector128<byte> block, Vector128<byte> roundKey) => X86Aes.Decrypt(block, roundKey);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<byte> LastRound(Vector128<byte> block, Vector128<byte> roundKey) => X86Aes.DecryptLast(block, roundKey);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<byte> Block(AesKey key, Vector128<byte> block, AesImplementation implementation) => DecryptBlock(key, block, implementation);
    }
}
