using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Bbdev.Fec.Simd;

/// <summary>The 256-bit implementation of <see cref="IByteLanes{TSelf}"/>.</summary>
internal readonly struct ByteLanes256 : IByteLanes<ByteLanes256>
{
    private readonly Vector256<byte> _value;

    private ByteLanes256(Vector256<byte> value) => _value = value;

    public static int Count => 32;

    public static ByteLanes256 Zero => default;

    /// <summary>The wrapped vector.</summary>
    public Vector256<byte> Value => _value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes256 Broadcast(byte value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes256 Load(ref byte source, nuint offset) => new(Vector256.LoadUnsafe(ref source, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ByteLanes256 value, ref byte destination, nuint offset) => value._value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes256 Xor(ByteLanes256 left, ByteLanes256 right) => new(left._value ^ right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes256 Or(ByteLanes256 left, ByteLanes256 right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes256 AddSaturate(ByteLanes256 left, ByteLanes256 right) =>
        new(Vector256.AddSaturate(left._value.AsSByte(), right._value.AsSByte()).AsByte());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes256 ClampLlr(ByteLanes256 value) =>
        new(Vector256.Max(value._value.AsSByte(), Vector256.Create((sbyte)-127)).AsByte());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes256 ExpandBits(ref byte packed)
    {
        // Byte j takes packed byte j/8 (every 16-byte block holds all four after the broadcast) and keeps the bit
        // of weight 0x80 >> (j % 8).
        Vector256<byte> source = Vector256.Create(Unsafe.ReadUnaligned<uint>(ref packed)).AsByte();
        Vector256<byte> spread = ShuffleInBlocks(new(source), new(Vector256.Create((byte)0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3)))._value;
        Vector256<byte> bits = Vector256.Create(Vector128.Create((byte)0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01, 0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01));
        return new(Vector256.Equals(spread & bits, bits));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MoveMask(ByteLanes256 value) => value._value.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes256 ReverseBitsInBytes(ByteLanes256 value)
    {
        // Nibble table: reverse(b) = rev4(b & 15) << 4 | rev4(b >> 4).
        Vector256<byte> low = value._value & Vector256.Create((byte)0x0F);
        Vector256<byte> high = Vector256.ShiftRightLogical(value._value.AsUInt16(), 4).AsByte() & Vector256.Create((byte)0x0F);
        Vector256<byte> revHigh = Vector256.Create(Vector128.Create((byte)0x00, 0x80, 0x40, 0xC0, 0x20, 0xA0, 0x60, 0xE0, 0x10, 0x90, 0x50, 0xD0, 0x30, 0xB0, 0x70, 0xF0));
        Vector256<byte> revLow = Vector256.Create(Vector128.Create((byte)0x0, 0x8, 0x4, 0xC, 0x2, 0xA, 0x6, 0xE, 0x1, 0x9, 0x5, 0xD, 0x3, 0xB, 0x7, 0xF));
        return new(ShuffleInBlocks(new(revHigh), new(low))._value | ShuffleInBlocks(new(revLow), new(high))._value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes256 ShuffleInBlocks(ByteLanes256 value, ByteLanes256 indices)
    {
        if (Avx2.IsSupported)
        {
            return new(Avx2.Shuffle(value._value, indices._value));
        }

        return new(Vector256.Create(
            ByteLanes128.ShuffleInBlocks(ByteLanes128.FromVector(value._value.GetLower()), ByteLanes128.FromVector(indices._value.GetLower())).Value,
            ByteLanes128.ShuffleInBlocks(ByteLanes128.FromVector(value._value.GetUpper()), ByteLanes128.FromVector(indices._value.GetUpper())).Value));
    }

    /// <summary>Wraps a vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes256 FromVector(Vector256<byte> value) => new(value);
}
