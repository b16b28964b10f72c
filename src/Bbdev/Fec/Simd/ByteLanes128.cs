using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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
}
