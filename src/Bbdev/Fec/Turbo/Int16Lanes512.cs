using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>The decoder's int16 operations on <see cref="Vector512{T}"/> (hardware where present, portable otherwise).</summary>
internal readonly struct Int16Lanes512 : IInt16Lanes<Vector512<short>>
{
    public static int Count => Vector512<short>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> Load(ref short source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<short> value, ref short destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> Broadcast(short value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> Add(Vector512<short> left, Vector512<short> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> Subtract(Vector512<short> left, Vector512<short> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> Max(Vector512<short> left, Vector512<short> right) => Vector512.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> Min(Vector512<short> left, Vector512<short> right) => Vector512.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> MultiplyLow(Vector512<short> left, Vector512<short> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> ShiftRightArithmetic(Vector512<short> value, int count) => Vector512.ShiftRightArithmetic(value, count);

    public static bool GatherRows(ref short destination, ref short source, TurboRowPermutation plan)
    {
        // One VPERMW per row, then the keep mask zeroes lanes without a source. Without AVX-512BW the portable shuffle
        // computes the same (emulated, like every 512-bit operation on such a CPU), so the tables are tested anywhere.
        ref short control = ref MemoryMarshal.GetArrayDataReference(plan.Permute);
        int[] sourceRow = plan.SourceRow;
        for (int r = 0; r < sourceRow.Length; r++)
        {
            Vector512<short> row = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, sourceRow[r] * 32));
            ref short c = ref Unsafe.Add(ref control, r * 64);
            Vector512<short> indices = Vector512.LoadUnsafe(ref c);
            Vector512<short> permuted = Avx512BW.IsSupported ? Avx512BW.PermuteVar32x16(row, indices) : Vector512.Shuffle(row, indices);
            (permuted & Vector512.LoadUnsafe(ref c, 32)).StoreUnsafe(ref Unsafe.Add(ref destination, r * 32));
        }

        return true;
    }
}
