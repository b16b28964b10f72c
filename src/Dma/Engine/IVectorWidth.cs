using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AccelSdk.Dma.Engine;

/// <summary>
/// One vector width of the copy and fill kernels: the few vector operations their algorithm needs. The kernels take
/// the width as a struct type argument, so the JIT compiles one specialised body per width from one source.
/// </summary>
/// <typeparam name="TVec">The vector of bytes at this width.</typeparam>
internal unsafe interface IVectorWidth<TVec>
    where TVec : struct
{
    /// <summary>Bytes per vector.</summary>
    static abstract int Size { get; }

    /// <summary>Loads a vector from any address.</summary>
    static abstract TVec Load(byte* source);

    /// <summary>Stores a vector at any address.</summary>
    static abstract void Store(TVec value, byte* destination);

    /// <summary>Stores a vector at an address aligned to <see cref="Size"/>.</summary>
    static abstract void StoreAligned(TVec value, byte* destination);

    /// <summary>The 64-bit <paramref name="pattern"/> repeated across the vector.</summary>
    static abstract TVec Broadcast(ulong pattern);
}

/// <summary>128-bit vectors.</summary>
internal readonly unsafe struct VectorWidth128 : IVectorWidth<Vector128<byte>>
{
    public static int Size => Vector128<byte>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Load(byte* source) => Vector128.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<byte> value, byte* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreAligned(Vector128<byte> value, byte* destination) => value.StoreAligned(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Broadcast(ulong pattern) => Vector128.Create(pattern).AsByte();
}

/// <summary>256-bit vectors.</summary>
internal readonly unsafe struct VectorWidth256 : IVectorWidth<Vector256<byte>>
{
    public static int Size => Vector256<byte>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Load(byte* source) => Vector256.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<byte> value, byte* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreAligned(Vector256<byte> value, byte* destination) => value.StoreAligned(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Broadcast(ulong pattern) => Vector256.Create(pattern).AsByte();
}

/// <summary>512-bit vectors (correct everywhere; fast only where <c>Vector512</c> is accelerated).</summary>
internal readonly unsafe struct VectorWidth512 : IVectorWidth<Vector512<byte>>
{
    public static int Size => Vector512<byte>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Load(byte* source) => Vector512.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<byte> value, byte* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreAligned(Vector512<byte> value, byte* destination) => value.StoreAligned(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Broadcast(ulong pattern) => Vector512.Create(pattern).AsByte();
}
