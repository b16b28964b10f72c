using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>The decoder's int16 operations on <see cref="Vector128{T}"/> (hardware where present, portable otherwise).</summary>
internal readonly struct Int16Lanes128 : IInt16Lanes<Vector128<short>>
{
    public static int Count => Vector128<short>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Load(ref short source) => Vector128.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<short> value, ref short destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Broadcast(short value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Add(Vector128<short> left, Vector128<short> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Subtract(Vector128<short> left, Vector128<short> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Max(Vector128<short> left, Vector128<short> right) => Vector128.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Min(Vector128<short> left, Vector128<short> right) => Vector128.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> MultiplyLow(Vector128<short> left, Vector128<short> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> ShiftRightArithmetic(Vector128<short> value, int count) => Vector128.ShiftRightArithmetic(value, count);

    public static bool GatherRows(ref short destination, ref short source, TurboRowPermutation plan)
    {
        if (!Ssse3.IsSupported)
        {
            return false;
        }

        // Each 8-lane output is the OR of four PSHUFBs, one per 16-byte quarter of the source row.
        ref byte control = ref MemoryMarshal.GetArrayDataReference(plan.Shuffle);
        int[] sourceRow = plan.SourceRow;
        for (int r = 0; r < sourceRow.Length; r++)
        {
            ref short from = ref Unsafe.Add(ref source, sourceRow[r] * 32);
            Vector128<byte> h0 = Vector128.LoadUnsafe(ref from).AsByte();
            Vector128<byte> h1 = Vector128.LoadUnsafe(ref from, 8).AsByte();
            Vector128<byte> h2 = Vector128.LoadUnsafe(ref from, 16).AsByte();
            Vector128<byte> h3 = Vector128.LoadUnsafe(ref from, 24).AsByte();
            ref byte rowControl = ref Unsafe.Add(ref control, r * 256);
            ref short to = ref Unsafe.Add(ref destination, r * 32);
            for (int m = 0; m < 4; m++)
            {
                ref byte c = ref Unsafe.Add(ref rowControl, ((m >> 1) * 128) + ((m & 1) * 16));
                Vector128<byte> result = Ssse3.Shuffle(h0, Vector128.LoadUnsafe(ref c))
                    | Ssse3.Shuffle(h1, Vector128.LoadUnsafe(ref c, 32))
                    | Ssse3.Shuffle(h2, Vector128.LoadUnsafe(ref c, 64))
                    | Ssse3.Shuffle(h3, Vector128.LoadUnsafe(ref c, 96));
                result.AsInt16().StoreUnsafe(ref to, (nuint)(8 * m));
            }
        }

        return true;
    }
}
