using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Bbdev.Fec.Simd;

/// <summary>The 512-bit implementation of <see cref="IByteLanes{TSelf}"/>.</summary>
internal readonly struct ByteLanes512 : IByteLanes<ByteLanes512>
{
    private readonly Vector512<byte> _value;

    private ByteLanes512(Vector512<byte> value) => _value = value;

    public static int Count => 64;

    public static ByteLanes512 Zero => default;

    /// <summary>The wrapped vector.</summary>
    public Vector512<byte> Value => _value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes512 Broadcast(byte value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes512 Load(ref byte source, nuint offset) => new(Vector512.LoadUnsafe(ref source, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ByteLanes512 value, ref byte destination, nuint offset) => value._value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes512 Xor(ByteLanes512 left, ByteLanes512 right) => new(left._value ^ right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes512 Or(ByteLanes512 left, ByteLanes512 right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes512 AddSaturate(ByteLanes512 left, ByteLanes512 right) =>
        new(Vector512.AddSaturate(left._value.AsSByte(), right._value.AsSByte()).AsByte());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes512 ClampLlr(ByteLanes512 value) =>
        new(Vector512.Max(value._value.AsSByte(), Vector512.Create((sbyte)-127)).AsByte());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes512 ExpandBits(ref byte packed)
    {
        // Byte j takes packed byte j/8 (every 16-byte block holds all eight after the broadcast) and keeps the bit
        // of weight 0x80 >> (j % 8).
        Vector512<byte> source = Vector512.Create(Unsafe.ReadUnaligned<ulong>(ref packed)).AsByte();
        Vector128<byte> i0 = Vector128.Create((byte)0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1);
        Vector128<byte> step = Vector128.Create((byte)2);
        Vector512<byte> indices = Vector512.Create(Vector256.Create(i0, i0 + step), Vector256.Create(i0 + step + step, i0 + step + step + step));
        Vector512<byte> spread = ShuffleInBlocks(new(source), new(indices))._value;
        Vector512<byte> bits = Vector512.Create(Vector128.Create((byte)0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01, 0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01));
        return new(Vector512.Equals(spread & bits, bits));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MoveMask(ByteLanes512 value) => value._value.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes512 ReverseBitsInBytes(ByteLanes512 value)
    {
        // Nibble table: reverse(b) = rev4(b & 15) << 4 | rev4(b >> 4).
        Vector512<byte> low = value._value & Vector512.Create((byte)0x0F);
        Vector512<byte> high = Vector512.ShiftRightLogical(value._value.AsUInt16(), 4).AsByte() & Vector512.Create((byte)0x0F);
        Vector512<byte> revHigh = Vector512.Create(Vector128.Create((byte)0x00, 0x80, 0x40, 0xC0, 0x20, 0xA0, 0x60, 0xE0, 0x10, 0x90, 0x50, 0xD0, 0x30, 0xB0, 0x70, 0xF0));
        Vector512<byte> revLow = Vector512.Create(Vector128.Create((byte)0x0, 0x8, 0x4, 0xC, 0x2, 0xA, 0x6, 0xE, 0x1, 0x9, 0x5, 0xD, 0x3, 0xB, 0x7, 0xF));
        return new(ShuffleInBlocks(new(revHigh), new(low))._value | ShuffleInBlocks(new(revLow), new(high))._value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes512 ShuffleInBlocks(ByteLanes512 value, ByteLanes512 indices)
    {
        if (Avx512BW.IsSupported)
        {
            return new(Avx512BW.Shuffle(value._value, indices._value));
        }

        return new(Vector512.Create(
            ByteLanes256.ShuffleInBlocks(ByteLanes256.FromVector(value._value.GetLower()), ByteLanes256.FromVector(indices._value.GetLower())).Value,
            ByteLanes256.ShuffleInBlocks(ByteLanes256.FromVector(value._value.GetUpper()), ByteLanes256.FromVector(indices._value.GetUpper())).Value));
    }

    /// <summary>Wraps a vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes512 FromVector(Vector512<byte> value) => new(value);
}
