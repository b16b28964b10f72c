using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Bbdev.Fec.Simd;

/// <summary>The 128-bit implementation of <see cref="IByteLanes{TSelf}"/>.</summary>
internal readonly struct ByteLanes128 : IByteLanes<ByteLanes128>
{
    private readonly Vector128<byte> _value;

    private ByteLanes128(Vector128<byte> value) => _value = value;

    public static int Count => 16;

    public static ByteLanes128 Zero => default;

    /// <summary>The wrapped vector.</summary>
    public Vector128<byte> Value => _value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes128 Broadcast(byte value) => new(Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes128 Load(ref byte source, nuint offset) => new(Vector128.LoadUnsafe(ref source, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ByteLanes128 value, ref byte destination, nuint offset) => value._value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes128 Xor(ByteLanes128 left, ByteLanes128 right) => new(left._value ^ right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes128 Or(ByteLanes128 left, ByteLanes128 right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes128 AddSaturate(ByteLanes128 left, ByteLanes128 right) =>
        new(Vector128.AddSaturate(left._value.AsSByte(), right._value.AsSByte()).AsByte());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes128 ClampLlr(ByteLanes128 value) =>
        new(Vector128.Max(value._value.AsSByte(), Vector128.Create((sbyte)-127)).AsByte());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes128 ExpandBits(ref byte packed)
    {
        // Byte j takes packed byte j/8 and keeps the bit of weight 0x80 >> (j % 8).
        Vector128<byte> source = Vector128.Create(Unsafe.ReadUnaligned<ushort>(ref packed)).AsByte();
        Vector128<byte> spread = ShuffleInBlocks(new(source), new(Vector128.Create((byte)0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1)))._value;
        Vector128<byte> bits = Vector128.Create((byte)0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01, 0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01);
        return new(Vector128.Equals(spread & bits, bits));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MoveMask(ByteLanes128 value) => value._value.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes128 ReverseBitsInBytes(ByteLanes128 value)
    {
        // Nibble table: reverse(b) = rev4(b & 15) << 4 | rev4(b >> 4).
        Vector128<byte> low = value._value & Vector128.Create((byte)0x0F);
        Vector128<byte> high = Vector128.ShiftRightLogical(value._value.AsUInt16(), 4).AsByte() & Vector128.Create((byte)0x0F);
        Vector128<byte> revHigh = Vector128.Create((byte)0x00, 0x80, 0x40, 0xC0, 0x20, 0xA0, 0x60, 0xE0, 0x10, 0x90, 0x50, 0xD0, 0x30, 0xB0, 0x70, 0xF0);
        Vector128<byte> revLow = Vector128.Create((byte)0x0, 0x8, 0x4, 0xC, 0x2, 0xA, 0x6, 0xE, 0x1, 0x9, 0x5, 0xD, 0x3, 0xB, 0x7, 0xF);
        return new(ShuffleInBlocks(new(revHigh), new(low))._value | ShuffleInBlocks(new(revLow), new(high))._value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes128 ShuffleInBlocks(ByteLanes128 value, ByteLanes128 indices)
    {
        if (Ssse3.IsSupported)
        {
            return new(Ssse3.Shuffle(value._value, indices._value));
        }

        // Portable: Vector128.Shuffle returns 0 for indices >= 16, so mask to 0..15 unless the top bit is set.
        Vector128<byte> index = indices._value;
        Vector128<byte> clear = Vector128.GreaterThan(index.AsSByte(), Vector128.Create((sbyte)-1)).AsByte();
        Vector128<byte> effective = (index & Vector128.Create((byte)15)) | ~clear;
        return new(Vector128.Shuffle(value._value, effective));
    }

    /// <summary>Wraps a vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes128 FromVector(Vector128<byte> value) => new(value);
}
