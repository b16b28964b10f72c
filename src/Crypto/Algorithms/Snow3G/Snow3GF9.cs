using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Crypto.Algorithms.Snow3G;

/// <summary>
/// UIA2 / 128-NIA1 integrity (ETSI/SAGE UEA2 &amp; UIA2 Document 1, chapter 4): five SNOW 3G words give P = z1‖z2,
/// Q = z3‖z4 and OTP = z5; the message, in 64-bit blocks followed by its bit length, is evaluated as a polynomial at
/// P in GF(2^64) (reduction polynomial x^64 + x^4 + x^3 + x + 1), the result multiplied by Q, and MAC-I is its
/// leftmost 32 bits XOR z5.
/// </summary>
internal static class Snow3GF9
{
    /// <summary>Computes the 4-byte MAC-I over the first <paramref name="bitLength"/> bits of <paramref name="message"/>.</summary>
    /// <param name="key">16-byte integrity key.</param>
    /// <param name="iv">16-byte IV built from COUNT, FRESH and DIRECTION.</param>
    /// <param name="message">The message, from bit 0.</param>
    /// <param name="bitLength">Message length in bits.</param>
    /// <param name="useClmul">PCLMULQDQ products with four-block aggregation (when supported); false runs the bit-serial reference.</param>
    public static uint Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> message, long bitLength, bool useClmul = true)
    {
        var generator = default(Snow3GGenerator);
        generator.Initialize(key, iv);
        Span<uint> z = stackalloc uint[5];
        generator.Generate(z);
        ulong p = ((ulong)z[0] << 32) | z[1];
        ulong q = ((ulong)z[2] << 32) | z[3];
        bool clmul = useClmul && Pclmulqdq.IsSupported;
        long wholeBlocks = bitLength >> 6;
        int tailBits = (int)(bitLength & 63);
        ulong eval = 0;
        long i = 0;
        if (clmul && wholeBlocks >= 4)
        {
            ulong p2 = MultiplyClmul(p, p), p3 = MultiplyClmul(p2, p), p4 = MultiplyClmul(p3, p);
            for (; i + 4 <= wholeBlocks; i += 4)
            {
                int at = (int)(i * 8);
                ulong m0 = BinaryPrimitives.ReadUInt64BigEndian(message[at..]) ^ eval;
                ulong m1 = BinaryPrimitives.ReadUInt64BigEndian(message[(at + 8)..]);
                ulong m2 = BinaryPrimitives.ReadUInt64BigEndian(message[(at + 16)..]);
                ulong m3 = BinaryPrimitives.ReadUInt64BigEndian(message[(at + 24)..]);
                Vector128<ulong> sum = Product(m0, p4) ^ Product(m1, p3) ^ Product(m2, p2) ^ Product(m3, p);
                eval = Reduce(sum.GetElement(1), sum.GetElement(0));
            }
        }

        for (; i < wholeBlocks; i++)
        {
            ulong m = BinaryPrimitives.ReadUInt64BigEndian(message[(int)(i * 8)..]);
            eval = Multiply(eval ^ m, p, clmul);
        }

        if (tailBits != 0)
        {
            // The last block is zero-padded after the message bits.
            int at = (int)(wholeBlocks * 8);
            Span<byte> padded = stackalloc byte[8];
            padded.Clear();
            message.Slice(at, (tailBits + 7) >> 3).CopyTo(padded);
            ulong m = BinaryPrimitives.ReadUInt64BigEndian(padded) & (ulong.MaxValue << (64 - tailBits));
            eval = Multiply(eval ^ m, p, clmul);
        }

        eval ^= (ulong)bitLength;
        eval = Multiply(eval, q, clmul);
        return (uint)(eval >> 32) ^ z[4];
    }

    /// <summary>MUL64(V, P, 0x1B) of the spec (4.3): bit-serial, for reading.</summary>
    public static ulong MultiplyReference(ulong v, ulong p)
    {
        ulong result = 0;
        for (int i = 0; i < 64; i++)
        {
            if (((p >> i) & 1) != 0)
            {
                result ^= v;
            }

            // MUL64x(V, c): V·x with x^64 = x^4 + x^3 + x + 1.
            v = (v & 0x8000_0000_0000_0000UL) != 0 ? (v << 1) ^ 0x1B : v << 1;
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Multiply(ulong v, ulong p, bool clmul) => clmul ? MultiplyClmul(v, p) : MultiplyReference(v, p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyClmul(ulong v, ulong p)
    {
        Vector128<ulong> product = Product(v, p);
        return Reduce(product.GetElement(1), product.GetElement(0));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Product(ulong a, ulong b) =>
        Pclmulqdq.CarrylessMultiply(Vector128.CreateScalarUnsafe(a), Vector128.CreateScalarUnsafe(b), 0x00);

    /// <summary>hi·x^64 + lo reduced with x^64 = x^4 + x^3 + x + 1 (0x1B), folding the overflow twice.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Reduce(ulong hi, ulong lo)
    {
        ulong overflow = (hi >> 63) ^ (hi >> 61) ^ (hi >> 60);
        ulong folded = hi ^ (hi << 1) ^ (hi << 3) ^ (hi << 4);
        folded ^= overflow ^ (overflow << 1) ^ (overflow << 3) ^ (overflow << 4);
        return lo ^ folded;
    }
}
