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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes128 Load(ref byte source, nuint offset) => new(Vector128.LoadUnsafe(ref source, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ByteLanes128 value, ref byte destination, nuint offset) => value._value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes128 AddSaturate(ByteLanes128 left, ByteLanes128 right) =>
        new(Vector128.AddSaturate(left._value.AsSByte(), right._value.AsSByte()).AsByte());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes128 ClampLlr(ByteLanes128 value) =>
        new(Vector128.Max(value._value.AsSByte(), Vector128.Create((sbyte)-127)).AsByte());

    /// <summary>
    /// Byte shuffle (x86 PSHUFB semantics): result byte j is byte <c>indices[j] &amp; 15</c> of
    /// <paramref name="value"/>, or 0 when <c>indices[j]</c> has its top bit set. SSSE3 where present, else portable.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Shuffle(Vector128<byte> value, Vector128<byte> indices)
    {
        if (Ssse3.IsSupported)
        {
            return Ssse3.Shuffle(value, indices);
        }

        // Vector128.Shuffle gives 0 for indices >= 16: keep 0..15, push indices with the top bit set out of range.
        Vector128<byte> clear = Vector128.GreaterThan(indices.AsSByte(), Vector128.Create((sbyte)-1)).AsByte();
        return Vector128.Shuffle(value, (indices & Vector128.Create((byte)15)) | ~clear);
    }
}
