using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>The decoder's int8 operations on <see cref="Vector256{T}"/> (AVX2 where present, portable otherwise).</summary>
internal readonly struct Int8Vector256Ops : IInt8VectorOps<Vector256<sbyte>>
{
    public static int Count => Vector256<sbyte>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Load(ref sbyte source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<sbyte> value, ref sbyte destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Broadcast(sbyte value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> SubtractClamp(Vector256<sbyte> left, Vector256<sbyte> right) =>
        Vector256.Max(Vector256.SubtractSaturate(left, right), Vector256.Create((sbyte)-127));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> AddClamp(Vector256<sbyte> left, Vector256<sbyte> right) =>
        Vector256.Max(Vector256.AddSaturate(left, right), Vector256.Create((sbyte)-127));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Abs(Vector256<sbyte> value) => Vector256.Abs(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Min(Vector256<sbyte> left, Vector256<sbyte> right) => Vector256.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Max(Vector256<sbyte> left, Vector256<sbyte> right) => Vector256.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> GreaterThan(Vector256<sbyte> left, Vector256<sbyte> right) => Vector256.GreaterThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Equal(Vector256<sbyte> left, Vector256<sbyte> right) => Vector256.Equals(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Select(Vector256<sbyte> mask, Vector256<sbyte> ifTrue, Vector256<sbyte> ifFalse) =>
        Avx2.IsSupported ? Avx2.BlendVariable(ifFalse, ifTrue, mask) : Vector256.ConditionalSelect(mask, ifTrue, ifFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Xor(Vector256<sbyte> left, Vector256<sbyte> right) => left ^ right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> And(Vector256<sbyte> left, Vector256<sbyte> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> AndNot(Vector256<sbyte> left, Vector256<sbyte> right) => Vector256.AndNot(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Or(Vector256<sbyte> left, Vector256<sbyte> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> SubtractFloorZero(Vector256<sbyte> left, Vector256<sbyte> right) =>
        Vector256.SubtractSaturate(left.AsByte(), right.AsByte()).AsSByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> ShiftRightLogical(Vector256<sbyte> value, int count) =>
        Vector256.ShiftRightLogical(value.AsByte(), count).AsSByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> AddWrap(Vector256<sbyte> left, Vector256<sbyte> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> LoadTable(ReadOnlySpan<sbyte> table16) => Vector256.Create(Vector128.Create(table16));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> LookUp(Vector256<sbyte> table, Vector256<sbyte> index) =>
        Avx2.IsSupported ? Avx2.Shuffle(table, index) : Vector256.Shuffle(table, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> ApplySign(Vector256<sbyte> magnitude, Vector256<sbyte> sign)
    {
        if (Avx2.IsSupported)
        {
            // vpsignb negates where the second operand is negative and zeroes where it is 0; OR 1 rules out the 0.
            return Avx2.Sign(magnitude, sign | Vector256.Create((sbyte)1));
        }

        return Vector256.ConditionalSelect(Vector256.IsNegative(sign), -magnitude, magnitude);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SignBits(Vector256<sbyte> value) => value.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> LoadBitMask(ref byte source)
    {
        // Broadcast the 32 bits, give byte lane i the byte i/8 that holds its bit, then test bit i mod 8. Every
        // 128-bit half holds all four bytes, so the in-lane vpshufb and the portable shuffle agree.
        Vector256<byte> bits = Vector256.Create(Unsafe.ReadUnaligned<uint>(ref source)).AsByte();
        Vector256<byte> byteOfLane = Vector256.Create(0UL, 0x0101010101010101UL, 0x0202020202020202UL, 0x0303030303030303UL).AsByte();
        Vector256<byte> spread = Avx2.IsSupported ? Avx2.Shuffle(bits, byteOfLane) : Vector256.Shuffle(bits, byteOfLane);
        Vector256<byte> bitOfLane = Vector256.Create(0x8040201008040201UL).AsByte();
        return Vector256.Equals(spread & bitOfLane, bitOfLane).AsSByte();
    }
}
