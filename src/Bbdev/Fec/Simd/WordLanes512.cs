using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Bbdev.Fec.Simd;

/// <summary>The 512-bit implementation of <see cref="IWordLanes{TSelf}"/>.</summary>
internal readonly struct WordLanes512 : IWordLanes<WordLanes512>
{
    private readonly Vector512<ulong> _value;

    private WordLanes512(Vector512<ulong> value) => _value = value;

    public static int Count => 8;

    public static WordLanes512 Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WordLanes512 Load(ref ulong source, nuint index) => new(Vector512.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(WordLanes512 value, ref ulong destination, nuint index) => value._value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WordLanes512 Xor(WordLanes512 left, WordLanes512 right) => new(left._value ^ right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WordLanes512 Funnel(WordLanes512 high, WordLanes512 low, Vector128<ulong> left, Vector128<ulong> right) => new(Funnel(high._value, low._value, left, right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<ulong> Funnel(Vector512<ulong> high, Vector512<ulong> low, Vector128<ulong> left, Vector128<ulong> right)
    {
        if (Avx512F.IsSupported)
        {
            // PSLLQ/PSRLQ take the count from the low 64 bits of an XMM register and zero the lane for counts >= 64.
            return Avx512F.ShiftLeftLogical(high, left) | Avx512F.ShiftRightLogical(low, right);
        }

        return Vector512.Create(WordLanes256.Funnel(high.GetLower(), low.GetLower(), left, right), WordLanes256.Funnel(high.GetUpper(), low.GetUpper(), left, right));
    }
}
