using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Bbdev.Fec.Simd;

/// <summary>The 128-bit implementation of <see cref="IWordLanes{TSelf}"/>.</summary>
internal readonly struct WordLanes128 : IWordLanes<WordLanes128>
{
    private readonly Vector128<ulong> _value;

    private WordLanes128(Vector128<ulong> value) => _value = value;

    public static int Count => 2;

    public static WordLanes128 Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WordLanes128 Load(ref ulong source, nuint index) => new(Vector128.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(WordLanes128 value, ref ulong destination, nuint index) => value._value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WordLanes128 Xor(WordLanes128 left, WordLanes128 right) => new(left._value ^ right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WordLanes128 Funnel(WordLanes128 high, WordLanes128 low, Vector128<ulong> left, Vector128<ulong> right) => new(Funnel(high._value, low._value, left, right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<ulong> Funnel(Vector128<ulong> high, Vector128<ulong> low, Vector128<ulong> left, Vector128<ulong> right)
    {
        if (Sse2.IsSupported)
        {
            // PSLLQ/PSRLQ take the count from the low 64 bits of an XMM register and zero the lane for counts >= 64.
            return Sse2.ShiftLeftLogical(high, left) | Sse2.ShiftRightLogical(low, right);
        }

        // The portable shifts mask the count to 0..63, so 64 − s is split as 1 + (63 − s).
        int shift = (int)left.ToScalar();
        return Vector128.ShiftLeft(high, shift) | Vector128.ShiftRightLogical(Vector128.ShiftRightLogical(low, 1), 63 - shift);
    }
}
