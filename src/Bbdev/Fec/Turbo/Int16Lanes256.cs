using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>The decoder's int16 operations on <see cref="Vector256{T}"/> (hardware where present, portable otherwise).</summary>
internal readonly struct Int16Lanes256 : IInt16Lanes<Vector256<short>>
{
    public static int Count => Vector256<short>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Load(ref short source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<short> value, ref short destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Broadcast(short value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Add(Vector256<short> left, Vector256<short> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Subtract(Vector256<short> left, Vector256<short> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Max(Vector256<short> left, Vector256<short> right) => Vector256.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Min(Vector256<short> left, Vector256<short> right) => Vector256.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> MultiplyLow(Vector256<short> left, Vector256<short> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> ShiftRightArithmetic(Vector256<short> value, int count) => Vector256.ShiftRightArithmetic(value, count);
}
