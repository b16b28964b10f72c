using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>The decoder's int16 operations on <see cref="Vector128{T}"/> (hardware where present, portable otherwise).</summary>
internal readonly struct Int16Lanes128 : IInt16Lanes<Vector128<short>>
{
    public static int Count => Vector128<short>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Load(ref short source) => Vector128.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<short> value, ref short destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Broadcast(short value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Add(Vector128<short> left, Vector128<short> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Subtract(Vector128<short> left, Vector128<short> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Max(Vector128<short> left, Vector128<short> right) => Vector128.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Min(Vector128<short> left, Vector128<short> right) => Vector128.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> MultiplyLow(Vector128<short> left, Vector128<short> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> ShiftRightArithmetic(Vector128<short> value, int count) => Vector128.ShiftRightArithmetic(value, count);
}
