using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AccelSdk.Bbdev.Fec.Simd;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// The vector LDPC encoder: the algorithm of <see cref="LdpcEncoderReference"/> on packed bits. Every systematic and
/// core column is kept twice in a row as MSB-first 64-bit words, so the block shifted by s is the Zc bits at bit
/// offset s: each base-graph entry costs ceil(Zc/64) words of loads, funnel shifts and XORs (two vectors for
/// Zc = 384 at 256 bits), and the whole working set (3 KB of columns) stays in L1.
/// </summary>
internal static class LdpcEncoderKernel
{
    /// <summary>Every extension row.</summary>
    public const ulong AllRows = ulong.MaxValue;

    /// <summary>
    /// Encodes the K′ bits in <see cref="LdpcWorkspace.Input"/> (zero past K′) into <see cref="LdpcWorkspace.Compact"/>:
    /// the compact circular buffer, information bits c[2·Zc, K′) then parity column p (0-based from Kb) at bit
    /// K′ − 2·Zc + p·Zc, zero to the end of the last column's word. The four core columns are always computed;
    /// extension row r (≥ 4) only when bit r of <paramref name="extensionRows"/> is set (its column is otherwise
    /// undefined).
    /// </summary>
    public static void Encode<T>(LdpcEncoderPlan plan, int kPrime, LdpcWorkspace workspace, ulong extensionRows)
        where T : struct, IWordLanes<T>
    {
        int zc = plan.Zc;
        int kb = plan.Kb;
        int words = plan.Words;
        int stride = plan.ColumnStride;
        ref ulong input = ref MemoryMarshal.GetReference(workspace.Input);
        ref ulong columns = ref MemoryMarshal.GetReference(workspace.Columns);
        ref ulong temp = ref MemoryMarshal.GetReference(workspace.Temp);
        ref ulong compact = ref MemoryMarshal.GetReference(workspace.Compact);

        // Systematic columns (fillers read as 0 from the zero-padded input), each twice in a row.
        for (int c = 0; c < kb; c++)
        {
            StoreDoubled<T>(ref Unsafe.Add(ref columns, c * stride), ref input, (long)c * zc, zc);
        }

        // λ_r of the core rows into temp slots 0..3.
        ReadOnlySpan<int> systematicStarts = plan.SystematicStarts;
        for (int r = 0; r < 4; r++)
        {
            SumBlocks<T>(ref columns, plan.SystematicBlocks, systematicStarts[r], systematicStarts[r + 1], ref Unsafe.Add(ref temp, r * stride), words);
        }

        // x_Kb = (λ_0 + λ_1 + λ_2 + λ_3) shifted back by the core shift (slot 5 holds the right-hand side, slot 4
        // it doubled).
        ref ulong rhs = ref Unsafe.Add(ref temp, 5 * stride);
        ref ulong doubled = ref Unsafe.Add(ref temp, 4 * stride);
        for (int j = 0; j < words; j++)
        {
            Unsafe.Add(ref rhs, j) = temp.At(j) ^ temp.At(stride + j) ^ temp.At((2 * stride) + j) ^ temp.At((3 * stride) + j);
        }

        StoreDoubled<T>(ref doubled, ref rhs, 0, zc);
        StoreDoubled<T>(ref Unsafe.Add(ref columns, kb * stride), ref doubled, UnshiftOffset(plan.CoreShift, zc), zc);

        // The other three core columns, each from its row's λ plus the known core blocks.
        LdpcEncoderPlan.CoreStep[] steps = plan.Steps;
        ReadOnlySpan<int> stepStarts = plan.StepStarts;
        for (int i = 0; i < steps.Length; i++)
        {
            LdpcEncoderPlan.CoreStep step = steps[i];
            SumBlocks<T>(ref columns, plan.StepBlocks, stepStarts[i], stepStarts[i + 1], ref rhs, words);
            ref ulong lambda = ref Unsafe.Add(ref temp, step.Row * stride);
            for (int j = 0; j < words; j++)
            {
                Unsafe.Add(ref rhs, j) ^= lambda.At(j);
            }

            StoreDoubled<T>(ref doubled, ref rhs, 0, zc);
            StoreDoubled<T>(ref Unsafe.Add(ref columns, step.Column * stride), ref doubled, UnshiftOffset(step.Shift, zc), zc);
        }

        // The compact buffer, appended in order: information bits from 2·Zc, the core parity, then the extension
        // rows asked for (a skipped column keeps stale bits, which no selection reads).
        long parityStart = kPrime - (2 * zc);
        PackedWords.Copy<T>(ref compact, 0, ref input, 2 * zc, parityStart);
        for (int p = 0; p < 4; p++)
        {
            PackedWords.Copy<T>(ref compact, parityStart + ((long)p * zc), ref Unsafe.Add(ref columns, (kb + p) * stride), 0, zc);
        }

        ReadOnlySpan<int> extensionStarts = plan.ExtensionStarts;
        for (int r = 4; r < plan.Rows; r++)
        {
            if (((extensionRows >> r) & 1) != 0)
            {
                SumBlocks<T>(ref columns, plan.ExtensionBlocks, extensionStarts[r], extensionStarts[r + 1], ref rhs, words);
                PackedWords.Copy<T>(ref compact, parityStart + ((long)r * zc), ref rhs, 0, zc);
            }
        }
    }

    /// <summary>
    /// destination[0, words) (rounded up to whole vectors) = XOR over entries [first, end) of the Zc bits at each
    /// block's bit offset; two vectors at a time so two independent XOR chains share each pass over the entries.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SumBlocks<T>(ref ulong columns, ulong[] blocks, int first, int end, ref ulong destination, int words)
        where T : struct, IWordLanes<T>
    {
        int lanes = T.Count;
        int vectors = (words + lanes - 1) / lanes;
        ref ulong firstBlock = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(blocks), first * LdpcEncoderPlan.BlockStride);
        int count = end - first;
        int v = 0;
        if (vectors == 3)
        {
            // Zc = 257..384 at 128 bits: all three vectors in one pass over the entries.
            T a = T.Zero;
            T b = T.Zero;
            T c = T.Zero;
            ref ulong entry = ref firstBlock;
            for (int e = 0; e < count; e++)
            {
                ref ulong block = ref Unsafe.Add(ref columns, (nint)entry);
                Vector128<ulong> left = Vector128.LoadUnsafe(ref entry, 1);
                Vector128<ulong> right = Vector128.LoadUnsafe(ref entry, 3);
                a = T.Xor(a, T.Funnel(T.Load(ref block, 0), T.Load(ref block, 1), left, right));
                b = T.Xor(b, T.Funnel(T.Load(ref block, (nuint)lanes), T.Load(ref block, (nuint)lanes + 1), left, right));
                c = T.Xor(c, T.Funnel(T.Load(ref block, (nuint)(2 * lanes)), T.Load(ref block, (nuint)(2 * lanes) + 1), left, right));
                entry = ref Unsafe.Add(ref entry, LdpcEncoderPlan.BlockStride);
            }

            T.Store(a, ref destination, 0);
            T.Store(b, ref destination, (nuint)lanes);
            T.Store(c, ref destination, (nuint)(2 * lanes));
            return;
        }

        for (; v + 1 < vectors; v += 2)
        {
            T a = T.Zero;
            T b = T.Zero;
            ref ulong start = ref Unsafe.Add(ref columns, v * lanes);
            ref ulong entry = ref firstBlock;
            for (int e = 0; e < count; e++)
            {
                ref ulong block = ref Unsafe.Add(ref start, (nint)entry);
                Vector128<ulong> left = Vector128.LoadUnsafe(ref entry, 1);
                Vector128<ulong> right = Vector128.LoadUnsafe(ref entry, 3);
                a = T.Xor(a, T.Funnel(T.Load(ref block, 0), T.Load(ref block, 1), left, right));
                b = T.Xor(b, T.Funnel(T.Load(ref block, (nuint)lanes), T.Load(ref block, (nuint)lanes + 1), left, right));
                entry = ref Unsafe.Add(ref entry, LdpcEncoderPlan.BlockStride);
            }

            T.Store(a, ref destination, (nuint)(v * lanes));
            T.Store(b, ref destination, (nuint)((v + 1) * lanes));
        }

        if (v < vectors)
        {
            T a = T.Zero;
            ref ulong start = ref Unsafe.Add(ref columns, v * lanes);
            ref ulong entry = ref firstBlock;
            for (int e = 0; e < count; e++)
            {
                ref ulong block = ref Unsafe.Add(ref start, (nint)entry);
                a = T.Xor(a, T.Funnel(T.Load(ref block, 0), T.Load(ref block, 1), Vector128.LoadUnsafe(ref entry, 1), Vector128.LoadUnsafe(ref entry, 3)));
                entry = ref Unsafe.Add(ref entry, LdpcEncoderPlan.BlockStride);
            }

            T.Store(a, ref destination, (nuint)(v * lanes));
        }
    }

    // x with P^shift·x = rhs is x[t] = rhs[(t − shift) mod Zc] = doubled[t + Zc − shift].
    private static int UnshiftOffset(int shift, int zc) => shift == 0 ? 0 : zc - shift;

    // column[0, 2·Zc) = the Zc source bits at sourceOffset, twice (the words after them keep stale bits, which reads
    // only feed into bits past Zc that are masked off).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreDoubled<T>(ref ulong column, ref ulong source, long sourceOffset, int zc)
        where T : struct, IWordLanes<T>
    {
        PackedWords.Copy<T>(ref column, 0, ref source, sourceOffset, zc);
        PackedWords.Copy<T>(ref column, zc, ref source, sourceOffset, zc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong At(this ref ulong start, int index) => Unsafe.Add(ref start, index);
}
