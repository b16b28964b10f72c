using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>The decoder's int8 operations on <see cref="Vector128{T}"/> (SSSE3 where present, portable otherwise).</summary>
internal readonly struct Int8Vector128Ops : IInt8VectorOps<Vector128<sbyte>>
{
    public static int Count => Vector128<sbyte>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> Load(ref sbyte source) => Vector128.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<sbyte> value, ref sbyte destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> Broadcast(sbyte value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> SubtractClamp(Vector128<sbyte> left, Vector128<sbyte> right) =>
        Vector128.Max(Vector128.SubtractSaturate(left, right), Vector128.Create((sbyte)-127));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> AddClamp(Vector128<sbyte> left, Vector128<sbyte> right) =>
        Vector128.Max(Vector128.AddSaturate(left, right), Vector128.Create((sbyte)-127));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> Abs(Vector128<sbyte> value) => Vector128.Abs(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> Min(Vector128<sbyte> left, Vector128<sbyte> right) => Vector128.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> Max(Vector128<sbyte> left, Vector128<sbyte> right) => Vector128.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> GreaterThan(Vector128<sbyte> left, Vector128<sbyte> right) => Vector128.GreaterThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> Equal(Vector128<sbyte> left, Vector128<sbyte> right) => Vector128.Equals(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> Select(Vector128<sbyte> mask, Vector128<sbyte> ifTrue, Vector128<sbyte> ifFalse) =>
        Sse41.IsSupported ? Sse41.BlendVariable(ifFalse, ifTrue, mask) : Vector128.ConditionalSelect(mask, ifTrue, ifFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> Xor(Vector128<sbyte> left, Vector128<sbyte> right) => left ^ right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> And(Vector128<sbyte> left, Vector128<sbyte> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> AndNot(Vector128<sbyte> left, Vector128<sbyte> right) => Vector128.AndNot(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> Or(Vector128<sbyte> left, Vector128<sbyte> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> SubtractFloorZero(Vector128<sbyte> left, Vector128<sbyte> right) =>
        Vector128.SubtractSaturate(left.AsByte(), right.AsByte()).AsSByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> ShiftRightLogical(Vector128<sbyte> value, int count) =>
        Vector128.ShiftRightLogical(value.AsByte(), count).AsSByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> AddWrap(Vector128<sbyte> left, Vector128<sbyte> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> LoadTable(ReadOnlySpan<sbyte> table16) => Vector128.Create(table16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> LookUp(Vector128<sbyte> table, Vector128<sbyte> index) =>
        Ssse3.IsSupported ? Ssse3.Shuffle(table, index) : Vector128.Shuffle(table, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> ApplySign(Vector128<sbyte> magnitude, Vector128<sbyte> sign)
    {
        if (Ssse3.IsSupported)
        {
            // psignb negates where the second operand is negative and zeroes where it is 0; OR 1 rules out the 0.
            return Ssse3.Sign(magnitude, sign | Vector128.Create((sbyte)1));
        }

        return Vector128.ConditionalSelect(Vector128.IsNegative(sign), -magnitude, magnitude);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SignBits(Vector128<sbyte> value) => value.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<sbyte> LoadBitMask(ref byte source)
    {
        // Broadcast the 16 bits, give byte lane i the byte i/8 that holds its bit, then test bit i mod 8.
        Vector128<byte> bits = Vector128.Create(Unsafe.ReadUnaligned<ushort>(ref source)).AsByte();
        Vector128<byte> byteOfLane = Vector128.Create(0UL, 0x0101010101010101UL).AsByte();
        Vector128<byte> spread = Ssse3.IsSupported ? Ssse3.Shuffle(bits, byteOfLane) : Vector128.Shuffle(bits, byteOfLane);
        Vector128<byte> bitOfLane = Vector128.Create(0x8040201008040201UL).AsByte();
        return Vector128.Equals(spread & bitOfLane, bitOfLane).AsSByte();
    }
}
