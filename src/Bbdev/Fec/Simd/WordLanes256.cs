using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Bbdev.Fec.Simd;

/// <summary>The 256-bit implementation of <see cref="IWordLanes{TSelf}"/>.</summary>
internal readonly struct WordLanes256 : IWordLanes<WordLanes256>
{
    private readonly Vector256<ulong> _value;

    private WordLanes256(Vector256<ulong> value) => _value = value;

    public static int Count => 4;

    public static WordLanes256 Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WordLanes256 Load(ref ulong source, nuint index) => new(Vector256.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(WordLanes256 value, ref ulong destination, nuint index) => value._value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WordLanes256 Xor(WordLanes256 left, WordLanes256 right) => new(left._value ^ right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WordLanes256 Funnel(WordLanes256 high, WordLanes256 low, Vector128<ulong> left, Vector128<ulong> right) => new(Funnel(high._value, low._value, left, right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<ulong> Funnel(Vector256<ulong> high, Vector256<ulong> low, Vector128<ulong> left, Vector128<ulong> right)
    {
        if (Avx2.IsSupported)
        {
            // PSLLQ/PSRLQ take the count from the low 64 bits of an XMM register and zero the lane for counts >= 64.
            return Avx2.ShiftLeftLogical(high, left) | Avx2.ShiftRightLogical(low, right);
        }

        return Vector256.Create(WordLanes128.Funnel(high.GetLower(), low.GetLower(), left, right), WordLanes128.Funnel(high.GetUpper(), low.GetUpper(), left, right));
    }
}
