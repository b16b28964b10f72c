using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>The decoder's int16 operations on <see cref="Vector256{T}"/> (hardware where present, portable otherwise).</summary>
internal readonly struct Int16Lanes256 : IInt16Lanes<Vector256<short>>
{
    public static int Count => Vector256<short>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Load(ref short source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<short> value, ref short destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Broadcast(short value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Add(Vector256<short> left, Vector256<short> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Subtract(Vector256<short> left, Vector256<short> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Max(Vector256<short> left, Vector256<short> right) => Vector256.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Min(Vector256<short> left, Vector256<short> right) => Vector256.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> MultiplyLow(Vector256<short> left, Vector256<short> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> ShiftRightArithmetic(Vector256<short> value, int count) => Vector256.ShiftRightArithmetic(value, count);

    public static bool GatherRows(ref short destination, ref short source, TurboRowPermutation plan)
    {
        if (!Avx2.IsSupported)
        {
            return false;
        }

        // Each 16-lane output is the OR of four VPSHUFBs, one per 16-byte quarter of the source row broadcast to both
        // 128-bit halves (VPSHUFB stays within a half).
        ref byte control = ref MemoryMarshal.GetArrayDataReference(plan.Shuffle);
        int[] sourceRow = plan.SourceRow;
        for (int r = 0; r < sourceRow.Length; r++)
        {
            ref short from = ref Unsafe.Add(ref source, sourceRow[r] * 32);
            Vector128<byte> q0 = Vector128.LoadUnsafe(ref from).AsByte();
            Vector128<byte> q1 = Vector128.LoadUnsafe(ref from, 8).AsByte();
            Vector128<byte> q2 = Vector128.LoadUnsafe(ref from, 16).AsByte();
            Vector128<byte> q3 = Vector128.LoadUnsafe(ref from, 24).AsByte();
            Vector256<byte> h0 = Vector256.Create(q0, q0);
            Vector256<byte> h1 = Vector256.Create(q1, q1);
            Vector256<byte> h2 = Vector256.Create(q2, q2);
            Vector256<byte> h3 = Vector256.Create(q3, q3);
            ref byte rowControl = ref Unsafe.Add(ref control, r * 256);
            ref short to = ref Unsafe.Add(ref destination, r * 32);
            for (int j = 0; j < 2; j++)
            {
                ref byte c = ref Unsafe.Add(ref rowControl, j * 128);
                Vector256<byte> result = Avx2.Shuffle(h0, Vector256.LoadUnsafe(ref c))
                    | Avx2.Shuffle(h1, Vector256.LoadUnsafe(ref c, 32))
                    | Avx2.Shuffle(h2, Vector256.LoadUnsafe(ref c, 64))
                    | Avx2.Shuffle(h3, Vector256.LoadUnsafe(ref c, 96));
                result.AsInt16().StoreUnsafe(ref to, (nuint)(16 * j));
            }
        }

        return true;
    }
}
