using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Bbdev.Fec.Crc;

// The fast path: carry-less multiply folding over whole 16-byte blocks.
//
// Math (MSB-first, non-reflected, zero initial value, so the register after a message M is M(x)·x^L mod P(x)):
// 16 bytes loaded and byte-reversed form a 128-bit polynomial S whose bit 127 is the first message bit. Appending
// D more bits multiplies S by x^D; modulo P that is
//     S·x^D ≡ S_hi·(x^(D+64) mod P) + S_lo·(x^D mod P),          S = S_hi·x^64 + S_lo,
// two 64 × 24-bit carry-less products of at most 88 bits, so the folded value still fits 128 bits and stays
// congruent to the message so far. Several accumulators fold independent block streams (distance D = the stride
// between their blocks) to hide the multiply latency; they are then folded into one by 128 bits at a time. The
// final 128-bit value is congruent to the folded message, so the register equals the table CRC of its 16 bytes
// (zero start); the table then carries on over the bytes that do not fill a block, and the bit loop over the tail.
public static partial class CrcCalculator
{
    private static readonly FoldConstants s_fold24A = new(0x864CFB, 24);
    private static readonly FoldConstants s_fold24B = new(0x800063, 24);
    private static readonly FoldConstants s_fold16 = new(0x1021, 16);

    /// <summary>The width <see cref="SimdWidth.Auto"/> resolves to for CRCs: the widest native carry-less multiply.</summary>
    internal static SimdWidth BestWidth { get; } =
        Pclmulqdq.V512.IsSupported && Vector512.IsHardwareAccelerated ? SimdWidth.V512
        : Pclmulqdq.V256.IsSupported ? SimdWidth.V256
        : Pclmulqdq.IsSupported ? SimdWidth.V128
        : SimdWidth.Scalar;

    /// <summary>Replaces Auto by <see cref="BestWidth"/>; rejects values outside the enum.</summary>
    internal static SimdWidth ResolveWidth(SimdWidth width) => width == SimdWidth.Auto ? BestWidth : SimdSupport.Resolve(width);

    /// <summary>The register after <paramref name="bytes"/> from a zero start, by the path <paramref name="width"/> (resolved).</summary>
    internal static uint UpdateBytes(CrcType type, ReadOnlySpan<byte> bytes, SimdWidth width)
    {
        if (width == SimdWidth.Scalar || !Pclmulqdq.IsSupported || bytes.Length < 16)
        {
            return TableUpdate(type, 0, bytes);
        }

        FoldConstants k = Constants(type);
        ref byte src = ref MemoryMarshal.GetReference(bytes);
        Vector128<ulong> state;
        int consumed;
        switch (width)
        {
            case SimdWidth.V512:
                consumed = Fold512(ref src, bytes.Length, k, out state);
                break;
            case SimdWidth.V256:
                consumed = Fold256(ref src, bytes.Length, k, out state);
                break;
            default:
                consumed = Fold128(ref src, bytes.Length, k, out state);
                break;
        }

        Span<byte> image = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(image, state.GetElement(1));
        BinaryPrimitives.WriteUInt64BigEndian(image[8..], state.GetElement(0));
        uint crc = TableUpdate(type, 0, image);
        return TableUpdate(type, crc, bytes[consumed..]);
    }

    private static FoldConstants Constants(CrcType type) => type switch
    {
        CrcType.Crc24A => s_fold24A,
        CrcType.Crc24B => s_fold24B,
        _ => s_fold16,
    };

    // Four 128-bit accumulators 64 bytes apart, then single blocks. Requires length >= 16.
    private static int Fold128(ref byte src, int length, FoldConstants k, out Vector128<ulong> state)
    {
        int pos;
        Vector128<ulong> s;
        if (length >= 64)
        {
            Vector128<ulong> x0 = Load128(ref src, 0), x1 = Load128(ref src, 16), x2 = Load128(ref src, 32), x3 = Load128(ref src, 48);
            Vector128<ulong> k512 = k.By512;
            for (pos = 64; length - pos >= 64; pos += 64)
            {
                x0 = Fold(x0, k512) ^ Load128(ref src, pos);
                x1 = Fold(x1, k512) ^ Load128(ref src, pos + 16);
                x2 = Fold(x2, k512) ^ Load128(ref src, pos + 32);
                x3 = Fold(x3, k512) ^ Load128(ref src, pos + 48);
            }

            s = Fold(Fold(Fold(x0, k.By128) ^ x1, k.By128) ^ x2, k.By128) ^ x3;
        }
        else
        {
            s = Load128(ref src, 0);
            pos = 16;
        }

        return FoldSingles(ref src, length, pos, k, s, out state);
    }

    // Four 256-bit accumulators (eight 128-bit lanes) 128 bytes apart, then single blocks.
    private static int Fold256(ref byte src, int length, FoldConstants k, out Vector128<ulong> state)
    {
        if (length < 128)
        {
            return Fold128(ref src, length, k, out state);
        }

        Vector256<ulong> x0 = Load256(ref src, 0), x1 = Load256(ref src, 32), x2 = Load256(ref src, 64), x3 = Load256(ref src, 96);
        Vector256<ulong> k1024 = Vector256.Create(k.By1024, k.By1024);
        int pos;
        for (pos = 128; length - pos >= 128; pos += 128)
        {
            x0 = Fold(x0, k1024) ^ Load256(ref src, pos);
            x1 = Fold(x1, k1024) ^ Load256(ref src, pos + 32);
            x2 = Fold(x2, k1024) ^ Load256(ref src, pos + 64);
            x3 = Fold(x3, k1024) ^ Load256(ref src, pos + 96);
        }

        // Lanes in message order: x0.lo, x0.hi, x1.lo, ... x3.hi.
        Vector128<ulong> k128 = k.By128;
        Vector128<ulong> s = x0.GetLower();
        s = Fold(s, k128) ^ x0.GetUpper();
        s = Fold(s, k128) ^ x1.GetLower();
        s = Fold(s, k128) ^ x1.GetUpper();
        s = Fold(s, k128) ^ x2.GetLower();
        s = Fold(s, k128) ^ x2.GetUpper();
        s = Fold(s, k128) ^ x3.GetLower();
        s = Fold(s, k128) ^ x3.GetUpper();
        return FoldSingles(ref src, length, pos, k, s, out state);
    }

    // Four 512-bit accumulators (sixteen 128-bit lanes) 256 bytes apart, then single blocks.
    private static int Fold512(ref byte src, int length, FoldConstants k, out Vector128<ulong> state)
    {
        if (length < 256)
        {
            return Fold256(ref src, length, k, out state);
        }

        Vector512<ulong> x0 = Load512(ref src, 0), x1 = Load512(ref src, 64), x2 = Load512(ref src, 128), x3 = Load512(ref src, 192);
        Vector256<ulong> k2048Half = Vector256.Create(k.By2048, k.By2048);
        Vector512<ulong> k2048 = Vector512.Create(k2048Half, k2048Half);
        int pos;
        for (pos = 256; length - pos >= 256; pos += 256)
        {
            x0 = Fold(x0, k2048) ^ Load512(ref src, pos);
            x1 = Fold(x1, k2048) ^ Load512(ref src, pos + 64);
            x2 = Fold(x2, k2048) ^ Load512(ref src, pos + 128);
            x3 = Fold(x3, k2048) ^ Load512(ref src, pos + 192);
        }

        Vector128<ulong> k128 = k.By128;
        Vector128<ulong> s = Vector128<ulong>.Zero;
        foreach (Vector512<ulong> x in (ReadOnlySpan<Vector512<ulong>>)[x0, x1, x2, x3])
        {
            s = Fold(s, k128) ^ x.GetLower().GetLower();
            s = Fold(s, k128) ^ x.GetLower().GetUpper();
            s = Fold(s, k128) ^ x.GetUpper().GetLower();
            s = Fold(s, k128) ^ x.GetUpper().GetUpper();
        }

        return FoldSingles(ref src, length, pos, k, s, out state);
    }

    private static int FoldSingles(ref byte src, int length, int pos, FoldConstants k, Vector128<ulong> s, out Vector128<ulong> state)
    {
        for (; length - pos >= 16; pos += 16)
        {
            s = Fold(s, k.By128) ^ Load128(ref src, pos);
        }

        state = s;
        return pos;
    }

    // S·x^D mod-equivalent: S_lo·k_lo ^ S_hi·k_hi, k = [x^D mod P, x^(D+64) mod P] per 128-bit lane.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Fold(Vector128<ulong> s, Vector128<ulong> k) =>
        Pclmulqdq.CarrylessMultiply(s, k, 0x00) ^ Pclmulqdq.CarrylessMultiply(s, k, 0x11);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Fold(Vector256<ulong> s, Vector256<ulong> k)
    {
        if (Pclmulqdq.V256.IsSupported)
        {
            return Pclmulqdq.V256.CarrylessMultiply(s, k, 0x00) ^ Pclmulqdq.V256.CarrylessMultiply(s, k, 0x11);
        }

        return Vector256.Create(Fold(s.GetLower(), k.GetLower()), Fold(s.GetUpper(), k.GetUpper()));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Fold(Vector512<ulong> s, Vector512<ulong> k)
    {
        if (Pclmulqdq.V512.IsSupported)
        {
            return Pclmulqdq.V512.CarrylessMultiply(s, k, 0x00) ^ Pclmulqdq.V512.CarrylessMultiply(s, k, 0x11);
        }

        return Vector512.Create(Fold(s.GetLower(), k.GetLower()), Fold(s.GetUpper(), k.GetUpper()));
    }

    // 16 bytes reversed so that the first message byte lands in the top bits of the 128-bit lane.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Load128(ref byte src, int offset) =>
        ReverseLanes(Vector128.LoadUnsafe(ref src, (nuint)offset)).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Load256(ref byte src, int offset) =>
        ReverseLanes(Vector256.LoadUnsafe(ref src, (nuint)offset)).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Load512(ref byte src, int offset) =>
        ReverseLanes(Vector512.LoadUnsafe(ref src, (nuint)offset)).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> ReverseLanes(Vector128<byte> v)
    {
        Vector128<byte> reverse = Vector128.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        return Ssse3.IsSupported ? Ssse3.Shuffle(v, reverse) : Vector128.Shuffle(v, reverse);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> ReverseLanes(Vector256<byte> v)
    {
        if (Avx2.IsSupported)
        {
            Vector256<byte> reverse = Vector256.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
            return Avx2.Shuffle(v, reverse);
        }

        return Vector256.Create(ReverseLanes(v.GetLower()), ReverseLanes(v.GetUpper()));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> ReverseLanes(Vector512<byte> v)
    {
        if (Avx512BW.IsSupported)
        {
            Vector512<byte> reverse = Vector512.Create(Vector256.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0));
            return Avx512BW.Shuffle(v, reverse);
        }

        return Vector512.Create(ReverseLanes(v.GetLower()), ReverseLanes(v.GetUpper()));
    }

    /// <summary>Fold multipliers x^D mod P and x^(D+64) mod P, as [low, high] lanes, for each distance D in use.</summary>
    private sealed class FoldConstants
    {
        public FoldConstants(uint poly, int width)
        {
            By128 = Pair(poly, width, 128);
            By512 = Pair(poly, width, 512);
            By1024 = Pair(poly, width, 1024);
            By2048 = Pair(poly, width, 2048);
        }

        public Vector128<ulong> By128 { get; }

        public Vector128<ulong> By512 { get; }

        public Vector128<ulong> By1024 { get; }

        public Vector128<ulong> By2048 { get; }

        private static Vector128<ulong> Pair(uint poly, int width, int distance) =>
            Vector128.Create(XPowerMod(poly, width, distance), XPowerMod(poly, width, distance + 64));

        // x^n mod (x^width + poly), by n shift-and-reduce steps.
        private static ulong XPowerMod(uint poly, int width, int n)
        {
            ulong r = 1;
            ulong top = 1UL << width;
            for (int i = 0; i < n; i++)
            {
                r <<= 1;
                if ((r & top) != 0)
                {
                    r ^= top | poly;
                }
            }

            return r;
        }
    }
}
