using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Crypto.Algorithms.Aes;

/// <summary>
/// GHASH (NIST SP 800-38D 6.4) keyed by the hash subkey H. Values are handled as 128-bit integers read big-endian
/// from the block, so bit 0 of the standard (the coefficient of x^0) is the integer's most significant bit: the
/// "reflected" representation in which carry-less products come out bit-reversed and shifted by one.
/// </summary>
/// <remarks>
/// The carry-less path multiplies reflected operands into a 255-bit product, shifts it left by one so that its high
/// half is the low half of the true product (reflected) and its low half the part of degree ≥ 128, and folds that
/// part back with x^128 = x^7 + x^2 + x + 1: multiplying by x^k is a right shift by k here, and the bits a shift
/// pushes out (degree ≥ 128 again) are folded first into the top bits (e = H·x^121 + H·x^126 + H·x^127 truncated).
/// Four blocks are multiplied by H^4..H^1 and summed before one reduction.
/// </remarks>
internal sealed class Ghash
{
    private static readonly Vector128<byte> s_reverse = Vector128.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);

    // H^1..H^4 as (hi, lo) integers.
    private readonly Vector128<ulong>[] _powers = new Vector128<ulong>[4];

    /// <summary>Creates GHASH for the subkey <paramref name="h"/> = E_K(0^128) (16 bytes, memory order).</summary>
    public Ghash(ReadOnlySpan<byte> h, GhashImplementation implementation)
    {
        Implementation = implementation == GhashImplementation.Auto
            ? (Pclmulqdq.IsSupported ? GhashImplementation.Pclmul : GhashImplementation.Scalar)
            : implementation;
        Vector128<ulong> power = Load(h);
        Vector128<ulong> first = power;
        for (int i = 0; i < 4; i++)
        {
            _powers[i] = power;
            power = MultiplyReference(power, first);
        }
    }

    /// <summary>The implementation in use.</summary>
    public GhashImplementation Implementation { get; }

    /// <summary>
    /// Absorbs <paramref name="data"/> into <paramref name="state"/>; a partial last block is padded with zeros
    /// (GCM pads the AAD and the ciphertext separately, so call once per part).
    /// </summary>
    public void Update(ref Vector128<ulong> state, ReadOnlySpan<byte> data)
    {
        int length = data.Length;
        int whole = length & ~15;
        ref byte src = ref MemoryMarshal.GetReference(data);
        int i = 0;
        if (Implementation == GhashImplementation.Pclmul)
        {
            Vector128<ulong> h1 = _powers[0], h2 = _powers[1], h3 = _powers[2], h4 = _powers[3];
            for (; i + 64 <= whole; i += 64)
            {
                Vector128<ulong> x0 = LoadUnsafe(ref src, i) ^ state;
                Vector128<ulong> x1 = LoadUnsafe(ref src, i + 16);
                Vector128<ulong> x2 = LoadUnsafe(ref src, i + 32);
                Vector128<ulong> x3 = LoadUnsafe(ref src, i + 48);
                Vector128<ulong> lo = Pclmulqdq.CarrylessMultiply(x0, h4, 0x00) ^ Pclmulqdq.CarrylessMultiply(x1, h3, 0x00)
                    ^ Pclmulqdq.CarrylessMultiply(x2, h2, 0x00) ^ Pclmulqdq.CarrylessMultiply(x3, h1, 0x00);
                Vector128<ulong> hi = Pclmulqdq.CarrylessMultiply(x0, h4, 0x11) ^ Pclmulqdq.CarrylessMultiply(x1, h3, 0x11)
                    ^ Pclmulqdq.CarrylessMultiply(x2, h2, 0x11) ^ Pclmulqdq.CarrylessMultiply(x3, h1, 0x11);
                Vector128<ulong> mid = Pclmulqdq.CarrylessMultiply(x0, h4, 0x01) ^ Pclmulqdq.CarrylessMultiply(x0, h4, 0x10)
                    ^ Pclmulqdq.CarrylessMultiply(x1, h3, 0x01) ^ Pclmulqdq.CarrylessMultiply(x1, h3, 0x10)
                    ^ Pclmulqdq.CarrylessMultiply(x2, h2, 0x01) ^ Pclmulqdq.CarrylessMultiply(x2, h2, 0x10)
                    ^ Pclmulqdq.CarrylessMultiply(x3, h1, 0x01) ^ Pclmulqdq.CarrylessMultiply(x3, h1, 0x10);
                state = Reduce(lo, mid, hi);
            }

            for (; i < whole; i += 16)
            {
                state = MultiplyClmul(state ^ LoadUnsafe(ref src, i), h1);
            }
        }
        else
        {
            for (; i < whole; i += 16)
            {
                state = MultiplyReference(state ^ LoadUnsafe(ref src, i), _powers[0]);
            }
        }

        if (whole < length)
        {
            Span<byte> padded = stackalloc byte[16];
            padded.Clear();
            data[whole..].CopyTo(padded);
            UpdateBlock(ref state, Load(padded));
        }
    }

    /// <summary>Absorbs one block given as an integer (used for the final length block).</summary>
    public void UpdateBlock(ref Vector128<ulong> state, Vector128<ulong> block) =>
        state = Implementation == GhashImplementation.Pclmul
            ? MultiplyClmul(state ^ block, _powers[0])
            : MultiplyReference(state ^ block, _powers[0]);

    /// <summary>Reads a 16-byte block as a 128-bit big-endian integer (element 1 = high half).</summary>
    public static Vector128<ulong> Load(ReadOnlySpan<byte> block) =>
        Vector128.Create(BinaryPrimitives.ReadUInt64BigEndian(block[8..]), BinaryPrimitives.ReadUInt64BigEndian(block));

    /// <summary>Writes a 128-bit integer back as a 16-byte block.</summary>
    public static void Store(Vector128<ulong> value, Span<byte> block)
    {
        BinaryPrimitives.WriteUInt64BigEndian(block, value.GetElement(1));
        BinaryPrimitives.WriteUInt64BigEndian(block[8..], value.GetElement(0));
    }

    /// <summary>X·Y in GF(2^128) by SP 800-38D Algorithm 1, bit by bit.</summary>
    public static Vector128<ulong> MultiplyReference(Vector128<ulong> x, Vector128<ulong> y)
    {
        ulong zHi = 0, zLo = 0;
        ulong vHi = y.GetElement(1), vLo = y.GetElement(0);
        ulong xHi = x.GetElement(1), xLo = x.GetElement(0);
        for (int i = 0; i < 128; i++)
        {
            ulong bit = i < 64 ? (xHi >> (63 - i)) & 1 : (xLo >> (127 - i)) & 1;
            if (bit != 0)
            {
                zHi ^= vHi;
                zLo ^= vLo;
            }

            // V·x: a right shift; the bit shifted out is x^128, which folds back as R = 11100001 ‖ 0^120.
            ulong carry = vLo & 1;
            vLo = (vLo >> 1) | (vHi << 63);
            vHi >>= 1;
            if (carry != 0)
            {
                vHi ^= 0xE100_0000_0000_0000UL;
            }
        }

        return Vector128.Create(zLo, zHi);
    }

    /// <summary>X·Y with PCLMULQDQ: four partial products, then <see cref="Reduce"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<ulong> MultiplyClmul(Vector128<ulong> x, Vector128<ulong> y)
    {
        Vector128<ulong> lo = Pclmulqdq.CarrylessMultiply(x, y, 0x00);
        Vector128<ulong> hi = Pclmulqdq.CarrylessMultiply(x, y, 0x11);
        Vector128<ulong> mid = Pclmulqdq.CarrylessMultiply(x, y, 0x01) ^ Pclmulqdq.CarrylessMultiply(x, y, 0x10);
        return Reduce(lo, mid, hi);
    }

    /// <summary>Reduces the reflected 255-bit product hi·2^128 + mid·2^64 + lo (see the class remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Reduce(Vector128<ulong> lo, Vector128<ulong> mid, Vector128<ulong> hi)
    {
        ulong r0 = lo.GetElement(0);
        ulong r1 = lo.GetElement(1) ^ mid.GetElement(0);
        ulong r2 = hi.GetElement(0) ^ mid.GetElement(1);
        ulong r3 = hi.GetElement(1);

        // Shift the 256-bit value left by one: the reflected product is one position short.
        r3 = (r3 << 1) | (r2 >> 63);
        r2 = (r2 << 1) | (r1 >> 63);
        r1 = (r1 << 1) | (r0 >> 63);
        r0 <<= 1;

        // (r1:r0) holds the coefficients of degree 128..255; fold them with x^128 = 1 + x + x^2 + x^7.
        ulong h1 = r1 ^ (r0 << 63) ^ (r0 << 62) ^ (r0 << 57);
        ulong h0 = r0;
        ulong resultHi = r3 ^ h1 ^ (h1 >> 1) ^ (h1 >> 2) ^ (h1 >> 7);
        ulong resultLo = r2 ^ h0 ^ ((h0 >> 1) | (h1 << 63)) ^ ((h0 >> 2) | (h1 << 62)) ^ ((h0 >> 7) | (h1 << 57));
        return Vector128.Create(resultLo, resultHi);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> LoadUnsafe(ref byte source, int offset) =>
        Vector128.Shuffle(Vector128.LoadUnsafe(ref source, (nuint)offset), s_reverse).AsUInt64();
}
