using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>The decoder's int16 operations on <see cref="Vector512{T}"/> (hardware where present, portable otherwise).</summary>
internal readonly struct Int16Lanes512 : IInt16Lanes<Vector512<short>>
{
    public static int Count => Vector512<short>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> Load(ref short source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<short> value, ref short destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> Broadcast(short value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> Add(Vector512<short> left, Vector512<short> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> Subtract(Vector512<short> left, Vector512<short> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> Max(Vector512<short> left, Vector512<short> right) => Vector512.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> Min(Vector512<short> left, Vector512<short> right) => Vector512.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> MultiplyLow(Vector512<short> left, Vector512<short> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> ShiftRightArithmetic(Vector512<short> value, int count) => Vector512.ShiftRightArithmetic(value, count);
}
