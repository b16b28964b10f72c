using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Fec.Simd;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// The vector LDPC encoder: the algorithm of <see cref="LdpcEncoderReference"/> on one mask byte per bit
/// (0x00/0xFF), a vector of bits at a time. A block shifted by s is the contiguous Zc bytes at offset s of its
/// doubled column, so each base-graph entry costs ceil(Zc / width) loads and XORs, and nothing is ever rotated.
/// </summary>
internal static class LdpcEncoderKernel
{
    /// <summary>Every extension row.</summary>
    public const ulong AllRows = ulong.MaxValue;

    /// <summary>
    /// Encodes the K′ bits in <see cref="LdpcWorkspace.Packed"/> (zero-padded) into <see cref="LdpcWorkspace.Codeword"/>:
    /// bytes [0, K′) the information bits, then parity column p (0-based from Kb) at K′ + p·Zc. The four core columns
    /// are always computed; extension row r (≥ 4) only when bit r of <paramref name="extensionRows"/> is set (its
    /// bytes are otherwise left undefined).
    /// </summary>
    public static void Encode<T>(LdpcEncoderPlan plan, int kPrime, LdpcWorkspace workspace, ulong extensionRows)
        where T : struct, IByteLanes<T>
    {
        int zc = plan.Zc;
        int kb = plan.Kb;
        int stride = plan.Stride;
        int k = kb * zc;
        ref byte codeword = ref MemoryMarshal.GetArrayDataReference(workspace.Codeword);
        ref byte columns = ref MemoryMarshal.GetArrayDataReference(workspace.Columns);
        ref byte temp = ref MemoryMarshal.GetArrayDataReference(workspace.Temp);

        // Information bits, then zero fillers up to K so that the systematic columns read them as 0.
        BitPacking.UnpackToMasks<T>(workspace.Packed, kPrime, ref codeword);
        workspace.Codeword.AsSpan(kPrime, k - kPrime + T.Count).Clear();

        // Systematic columns, each twice in a row.
        for (int c = 0; c < kb; c++)
        {
            StoreDoubled<T>(ref Unsafe.Add(ref codeword, c * zc), ref Unsafe.Add(ref columns, c * stride), zc);
        }

        // λ_r of the core rows into temp slots 0..3.
        int[] systematicOffsets = plan.SystematicOffsets;
        int[] systematicStarts = plan.SystematicOffsetStarts;
        for (int r = 0; r < 4; r++)
        {
            ReadOnlySpan<int> offsets = systematicOffsets.AsSpan(systematicStarts[r], systematicStarts[r + 1] - systematicStarts[r]);
            SumBlocks<T>(ref columns, offsets, ref Unsafe.Add(ref temp, r * stride), zc);
        }

        // x_Kb = (λ_0 + λ_1 + λ_2 + λ_3) shifted back by the core shift: doubled sum in slot 4, read at Zc − s.
        ref byte sum = ref Unsafe.Add(ref temp, 4 * stride);
        for (int t = 0; t < zc; t += T.Count)
        {
            T v = T.Xor(
                T.Xor(T.Load(ref temp, (nuint)t), T.Load(ref temp, (nuint)(stride + t))),
                T.Xor(T.Load(ref temp, (nuint)((2 * stride) + t)), T.Load(ref temp, (nuint)((3 * stride) + t))));
            T.Store(v, ref sum, (nuint)t);
        }

        StoreUnshifted<T>(ref sum, plan.CoreShift, ref Unsafe.Add(ref columns, kb * stride), zc);

        // The other three core columns, each from its row's λ plus the known core blocks.
        ref byte rhs = ref Unsafe.Add(ref temp, 5 * stride);
        foreach (LdpcEncoderPlan.CoreStep step in plan.Steps)
        {
            ref byte lambda = ref Unsafe.Add(ref temp, step.Row * stride);
            for (int t = 0; t < zc; t += T.Count)
            {
                T v = T.Load(ref lambda, (nuint)t);
                foreach ((int column, int shift) in step.Known)
                {
                    v = T.Xor(v, T.Load(ref columns, (nuint)((column * stride) + shift + t)));
                }

                T.Store(v, ref rhs, (nuint)t);
            }

            StoreUnshifted<T>(ref rhs, step.Shift, ref Unsafe.Add(ref columns, step.Column * stride), zc);
        }

        // Core parity into the codeword in column order (a block's rounding overrun lands in the next block, which
        // is written after it).
        for (int p = 0; p < 4; p++)
        {
            Copy<T>(ref Unsafe.Add(ref columns, (kb + p) * stride), ref Unsafe.Add(ref codeword, kPrime + (p * zc)), zc);
        }

        // Extension rows in increasing order, for the same reason.
        int[] extensionOffsets = plan.ExtensionOffsets;
        int[] extensionStarts = plan.ExtensionOffsetStarts;
        for (int r = 4; r < plan.Rows; r++)
        {
            if (((extensionRows >> r) & 1) != 0)
            {
                ReadOnlySpan<int> offsets = extensionOffsets.AsSpan(extensionStarts[r], extensionStarts[r + 1] - extensionStarts[r]);
                SumBlocks<T>(ref columns, offsets, ref Unsafe.Add(ref codeword, kPrime + (r * zc)), zc);
            }
        }
    }

    /// <summary>destination[0, Zc) = XOR over offsets o of columns[o, o + Zc), two vectors at a time for more independent XOR chains.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SumBlocks<T>(ref byte columns, ReadOnlySpan<int> offsets, ref byte destination, int zc)
        where T : struct, IByteLanes<T>
    {
        int count = T.Count;
        int t = 0;
        for (; t + count < zc; t += 2 * count)
        {
            T a = T.Zero;
            T b = T.Zero;
            foreach (int offset in offsets)
            {
                a = T.Xor(a, T.Load(ref columns, (nuint)(offset + t)));
                b = T.Xor(b, T.Load(ref columns, (nuint)(offset + t + count)));
            }

            T.Store(a, ref destination, (nuint)t);
            T.Store(b, ref destination, (nuint)(t + count));
        }

        if (t < zc)
        {
            T a = T.Zero;
            foreach (int offset in offsets)
            {
                a = T.Xor(a, T.Load(ref columns, (nuint)(offset + t)));
            }

            T.Store(a, ref destination, (nuint)t);
        }
    }

    // x with P^shift·x = rhs, where rhs is stored once at source: double it in place (source has a stride of room),
    // then x[t] = rhs[(t − shift) mod Zc] = doubled[t + Zc − shift]; x is stored doubled.
    private static void StoreUnshifted<T>(ref byte source, int shift, ref byte destination, int zc)
        where T : struct, IByteLanes<T>
    {
        Copy<T>(ref source, ref Unsafe.Add(ref source, zc), zc);
        int from = shift == 0 ? 0 : zc - shift;
        StoreDoubled<T>(ref Unsafe.Add(ref source, from), ref destination, zc);
    }

    // destination[0, 2·Zc) = source[0, Zc) twice; the overrun of the first copy is overwritten by the second.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreDoubled<T>(ref byte source, ref byte destination, int zc)
        where T : struct, IByteLanes<T>
    {
        Copy<T>(ref source, ref destination, zc);
        Copy<T>(ref source, ref Unsafe.Add(ref destination, zc), zc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy<T>(ref byte source, ref byte destination, int length)
        where T : struct, IByteLanes<T>
    {
        for (int t = 0; t < length; t += T.Count)
        {
            T.Store(T.Load(ref source, (nuint)t), ref destination, (nuint)t);
        }
    }
}
