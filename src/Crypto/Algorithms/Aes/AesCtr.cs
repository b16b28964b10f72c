using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace AccelSdk.Crypto.Algorithms.Aes;

/// <summary>
/// AES counter mode (NIST SP 800-38A 6.5): output = input ⊕ E(T1) ‖ E(T2) ‖ …, where the counter blocks are
/// big-endian integers incremented by one per block. 128-NEA2 (TS 33.401 B.1.3) is this mode with the counter block
/// COUNT ‖ BEARER ‖ DIRECTION ‖ 0…; GCM uses the same mode incrementing only the last 32 bits (SP 800-38D inc32).
/// </summary>
internal static class AesCtr
{
    /// <summary>Encrypts or decrypts (the same operation) <paramref name="input"/> into <paramref name="output"/>, which may be the same span.</summary>
    /// <param name="key">The expanded key.</param>
    /// <param name="counterBlock">The first counter block T1 (16 bytes).</param>
    /// <param name="input">Any length; the last block may be partial.</param>
    /// <param name="output">As long as <paramref name="input"/>.</param>
    /// <param name="increment32">True for GCM's inc32 (the low 32 bits wrap); false for a full 128-bit increment.</param>
    /// <param name="implementation">The AES implementation.</param>
    public static void Transform(AesKey key, ReadOnlySpan<byte> counterBlock, ReadOnlySpan<byte> input, Span<byte> output,
        bool increment32, AesImplementation implementation)
    {
        ulong hi = BinaryPrimitives.ReadUInt64BigEndian(counterBlock);
        ulong lo = BinaryPrimitives.ReadUInt64BigEndian(counterBlock[8..]);
        int length = input.Length;
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
                Vector128<byte> b0 = Counter(hi, lo) ^ k0;
                Next(ref hi, ref lo, increment32);
                Vector128<byte> b1 = Counter(hi, lo) ^ k0;
                Next(ref hi, ref lo, increment32);
                Vector128<byte> b2 = Counter(hi, lo) ^ k0;
                Next(ref hi, ref lo, increment32);
                Vector128<byte> b3 = Counter(hi, lo) ^ k0;
                Next(ref hi, ref lo, increment32);
                Vector128<byte> b4 = Counter(hi, lo) ^ k0;
                Next(ref hi, ref lo, increment32);
                Vector128<byte> b5 = Counter(hi, lo) ^ k0;
                Next(ref hi, ref lo, increment32);
                Vector128<byte> b6 = Counter(hi, lo) ^ k0;
                Next(ref hi, ref lo, increment32);
                Vector128<byte> b7 = Counter(hi, lo) ^ k0;
                Next(ref hi, ref lo, increment32);
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
                (X86Aes.EncryptLast(b0, last) ^ Vector128.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
                (X86Aes.EncryptLast(b1, last) ^ Vector128.LoadUnsafe(ref src, (nuint)(i + 16))).StoreUnsafe(ref dst, (nuint)(i + 16));
                (X86Aes.EncryptLast(b2, last) ^ Vector128.LoadUnsafe(ref src, (nuint)(i + 32))).StoreUnsafe(ref dst, (nuint)(i + 32));
                (X86Aes.EncryptLast(b3, last) ^ Vector128.LoadUnsafe(ref src, (nuint)(i + 48))).StoreUnsafe(ref dst, (nuint)(i + 48));
                (X86Aes.EncryptLast(b4, last) ^ Vector128.LoadUnsafe(ref src, (nuint)(i + 64))).StoreUnsafe(ref dst, (nuint)(i + 64));
                (X86Aes.EncryptLast(b5, last) ^ Vector128.LoadUnsafe(ref src, (nuint)(i + 80))).StoreUnsafe(ref dst, (nuint)(i + 80));
                (X86Aes.EncryptLast(b6, last) ^ Vector128.LoadUnsafe(ref src, (nuint)(i + 96))).StoreUnsafe(ref dst, (nuint)(i + 96));
                (X86Aes.EncryptLast(b7, last) ^ Vector128.LoadUnsafe(ref src, (nuint)(i + 112))).StoreUnsafe(ref dst, (nuint)(i + 112));
            }

            for (; i + 16 <= length; i += 16)
            {
                (EncryptCounterNi(k, hi, lo) ^ Vector128.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
                Next(ref hi, ref lo, increment32);
            }
        }
        else
        {
            for (; i + 16 <= length; i += 16)
            {
                (AesCore.EncryptBlockScalar(key, Counter(hi, lo)) ^ Vector128.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
                Next(ref hi, ref lo, increment32);
            }
        }

        if (i < length)
        {
            Span<byte> pad = stackalloc byte[16];
            AesCore.EncryptBlock(key, Counter(hi, lo), implementation).CopyTo(pad);
            for (int j = 0; i + j < length; j++)
            {
                Unsafe.Add(ref dst, i + j) = (byte)(Unsafe.Add(ref src, i + j) ^ pad[j]);
            }
        }
    }

    /// <summary>Builds the counter block for the 128-bit big-endian value <c>hi ‖ lo</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<byte> Counter(ulong hi, ulong lo) =>
        Vector128.Create(BinaryPrimitives.ReverseEndianness(hi), BinaryPrimitives.ReverseEndianness(lo)).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Next(ref ulong hi, ref ulong lo, bool increment32)
    {
        if (increment32)
        {
            lo = (lo & 0xFFFF_FFFF_0000_0000UL) | (uint)(lo + 1);
            return;
        }

        lo++;
        if (lo == 0)
        {
            hi++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> EncryptCounterNi(Vector128<byte>[] keys, ulong hi, ulong lo) => AesCore.EncryptBlockNi(keys, Counter(hi, lo));
}
