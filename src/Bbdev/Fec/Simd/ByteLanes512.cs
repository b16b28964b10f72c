using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AccelSdk.Bbdev.Fec.Simd;

/// <summary>The 512-bit implementation of <see cref="IByteLanes{TSelf}"/>.</summary>
internal readonly struct ByteLanes512 : IByteLanes<ByteLanes512>
{
    private readonly Vector512<byte> _value;

    private ByteLanes512(Vector512<byte> value) => _value = value;

    public static int Count => 64;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes512 Load(ref byte source, nuint offset) => new(Vector512.LoadUnsafe(ref source, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ByteLanes512 value, ref byte destination, nuint offset) => value._value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes512 AddSaturate(ByteLanes512 left, ByteLanes512 right) =>
        new(Vector512.AddSaturate(left._value.AsSByte(), right._value.AsSByte()).AsByte());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ByteLanes512 ClampLlr(ByteLanes512 value) =>
        new(Vector512.Max(value._value.AsSByte(), Vector512.Create((sbyte)-127)).AsByte());
}
