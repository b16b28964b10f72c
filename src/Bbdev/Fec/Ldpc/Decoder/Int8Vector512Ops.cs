using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>The decoder's int8 operations on <see cref="Vector512{T}"/> (AVX-512BW where present, portable otherwise).</summary>
internal readonly struct Int8Vector512Ops : IInt8VectorOps<Vector512<sbyte>>
{
    public static int Count => Vector512<sbyte>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Load(ref sbyte source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<sbyte> value, ref sbyte destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Broadcast(sbyte value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> SubtractClamp(Vector512<sbyte> left, Vector512<sbyte> right) =>
        Vector512.Max(Vector512.SubtractSaturate(left, right), Vector512.Create((sbyte)-127));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> AddClamp(Vector512<sbyte> left, Vector512<sbyte> right) =>
        Vector512.Max(Vector512.AddSaturate(left, right), Vector512.Create((sbyte)-127));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Abs(Vector512<sbyte> value) => Vector512.Abs(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Min(Vector512<sbyte> left, Vector512<sbyte> right) => Vector512.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Max(Vector512<sbyte> left, Vector512<sbyte> right) => Vector512.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> GreaterThan(Vector512<sbyte> left, Vector512<sbyte> right) => Vector512.GreaterThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Equal(Vector512<sbyte> left, Vector512<sbyte> right) => Vector512.Equals(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Select(Vector512<sbyte> mask, Vector512<sbyte> ifTrue, Vector512<sbyte> ifFalse) =>
        Vector512.ConditionalSelect(mask, ifTrue, ifFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Xor(Vector512<sbyte> left, Vector512<sbyte> right) => left ^ right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> And(Vector512<sbyte> left, Vector512<sbyte> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> AndNot(Vector512<sbyte> left, Vector512<sbyte> right) => Vector512.AndNot(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Or(Vector512<sbyte> left, Vector512<sbyte> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> SubtractFloorZero(Vector512<sbyte> left, Vector512<sbyte> right) =>
        Vector512.SubtractSaturate(left.AsByte(), right.AsByte()).AsSByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> ShiftRightLogical(Vector512<sbyte> value, int count) =>
        Vector512.ShiftRightLogical(value.AsByte(), count).AsSByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> AddWrap(Vector512<sbyte> left, Vector512<sbyte> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> LoadTable(ReadOnlySpan<sbyte> table16) => Vector512.Create(Vector256.Create(Vector128.Create(table16)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> LookUp(Vector512<sbyte> table, Vector512<sbyte> index) =>
        Avx512BW.IsSupported ? Avx512BW.Shuffle(table, index) : Vector512.Shuffle(table, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> ApplySign(Vector512<sbyte> magnitude, Vector512<sbyte> sign)
    {
        // AVX-512 has no vpsignb: a compare into a mask register and a masked negate.
        return Vector512.ConditionalSelect(Vector512.IsNegative(sign), -magnitude, magnitude);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SignBits(Vector512<sbyte> value) => value.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> LoadBitMask(ref byte source)
    {
        // Broadcast the 64 bits, give byte lane i the byte i/8 that holds its bit, then test bit i mod 8. Every
        // 128-bit lane holds all eight bytes, so the in-lane vpshufb and the portable shuffle agree.
        Vector512<byte> bits = Vector512.Create(Unsafe.ReadUnaligned<ulong>(ref source)).AsByte();
        Vector512<byte> byteOfLane = Vector512.Create(0UL, 0x0101010101010101UL, 0x0202020202020202UL, 0x0303030303030303UL, 0x0404040404040404UL, 0x0505050505050505UL, 0x0606060606060606UL, 0x0707070707070707UL).AsByte();
        Vector512<byte> spread = Avx512BW.IsSupported ? Avx512BW.Shuffle(bits, byteOfLane) : Vector512.Shuffle(bits, byteOfLane);
        Vector512<byte> bitOfLane = Vector512.Create(0x8040201008040201UL).AsByte();
        return Vector512.Equals(spread & bitOfLane, bitOfLane).AsSByte();
    }
}
