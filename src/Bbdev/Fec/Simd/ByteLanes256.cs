using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AccelSdk.Bbdev.Fec.Simd;

/// <summary>The 256-bit implementation of <see cref="IByteLanes{TSelf}"/>.</summary>
internal readonly struct ByteLanes256 : IByteLanes<ByteLanes256>
{
    private readonly Vector256<byte> _value;

    private ByteLanes256(Vector256<byte> value) => _value = value;

    public static int Count => 32;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes256 Load(ref byte source, nuint offset) => new(Vector256.LoadUnsafe(ref source, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ByteLanes256 value, ref byte destination, nuint offset) => value._value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes256 AddSaturate(ByteLanes256 left, ByteLanes256 right) =>
        new(Vector256.AddSaturate(left._value.AsSByte(), right._value.AsSByte()).AsByte());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes256 ClampLlr(ByteLanes256 value) =>
        new(Vector256.Max(value._value.AsSByte(), Vector256.Create((sbyte)-127)).AsByte());
}
