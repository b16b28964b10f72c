using ILGPU;
using ILGPU.Runtime;

namespace AccelSdk.Gpu.Kernels;

/// <summary>
/// The LDPC decode kernel: one thread group per code block, the code block's APP LLRs in shared memory, layered
/// two-minimum decoding with exactly the arithmetic of <c>LdpcDecoderScalar</c> (the readable reference of
/// src/Bbdev/Fec/Ldpc), then the syndrome, hard-decision packing and the CRC check. One source for CUDA and ILGPU's CPU
/// accelerator.
/// </summary>
/// <remarks>
/// <para>
/// Parallelism: within one layer (base-graph row) the Zc lifted checks touch disjoint variables (each column appears
/// once per row and its lanes are a permutation), so thread t of the group owns checks z ≡ t (mod group size) of
/// every row and a barrier separates the rows; the order of the reference (rows 0..R−1, each check updated from the
/// APPs the previous row left) is kept exactly. A thread owns the same lanes in every row and iteration, so the
/// compressed check state it reads back is always its own write and needs no barrier.
/// </para>
/// <para>
/// Check state, compressed per lifted check in two ints of global memory (index row·Zc + z, coalesced across the
/// lanes of a warp): bits 0..6 the magnitude sent to every edge but the minimum's, 7..13 the magnitude sent to the
/// minimum's edge, 14..20 the minimum's edge (0x7F: none), bit 21 the XOR of the signs; the second int holds the
/// sign of every edge's variable-to-check value (bit e). The variable-to-check values are not stored: the second
/// pass recomputes them from the APPs, which no other thread touches within the row.
/// </para>
/// </remarks>
internal static class LdpcDecodeKernel
{
    /// <summary>Largest codeword variable count: 68 columns · 384.</summary>
    public const int MaxVariables = 68 * 384;

    /// <summary>Sentinel minimum index (no edge below 127), as <c>LdpcDecoderPlan.NoIndex</c>.</summary>
    public const int NoIndex = 0x7F;

    private const int Infinity = 127;
    private const int TableSize = 16;

    /// <summary>Ints of result per code block.</summary>
    public const int ResultInts = 3;

    /// <summary>Packs an initial check state: no message sent yet.</summary>
    public const int InitialState = NoIndex << 14;

    /// <summary>The kernel (explicitly grouped: grid = code blocks, group = threads per code block).</summary>
    /// <param name="blocks">One descriptor per code block (grid index).</param>
    /// <param name="llrs">The compacted circular buffers, int8 S8.1.</param>
    /// <param name="state">Check state, 2 · Rows · Zc ints per code block.</param>
    /// <param name="hard">Hard decisions, ⌈K′/8⌉ bytes per code block, MSB first.</param>
    /// <param name="results">Per code block (<see cref="ResultInts"/> ints): iterations completed, syndrome passed (1/0), CRC passed (1/0; 1 when none is asked).</param>
    /// <param name="rowStart">Row starts of BG1 then BG2 (global entry indexes).</param>
    /// <param name="columns">Column of every entry, BG1 then BG2.</param>
    /// <param name="shifts">Shift mod Zc of every entry for every (graph, Zc).</param>
    /// <param name="rule">The check rule's f table (16 entries), then its offset, then 1 when it is offset min-sum.</param>
    public static void Decode(
        ArrayView<GpuDecodeBlock> blocks,
        ArrayView<sbyte> llrs,
        ArrayView<int> state,
        ArrayView<byte> hard,
        ArrayView<int> results,
        ArrayView<int> rowStart,
        ArrayView<byte> columns,
        ArrayView<short> shifts,
        ArrayView<int> rule)
    {
        ArrayView<sbyte> app = SharedMemory.Allocate<sbyte>(MaxVariables);
        ArrayView<int> flag = SharedMemory.Allocate<int>(1);
        GpuDecodeBlock b = blocks[Grid.IdxX];
        int tid = Group.IdxX;
        int threads = Group.DimX;
        int zc = b.Zc;
        int checks = b.Rows * zc;
        int fullFillerColumn = (b.KPrime + zc - 1) / zc;

        // An input without information is not decoded (LdpcDecoder.DecodeCore): 0 iterations, failed syndrome, zeros.
        if (tid == 0)
        {
            flag[0] = 0;
        }

        Group.Barrier();
        for (int i = tid; i < b.CompactLength; i += threads)
        {
            if (llrs[b.LlrOffset + i] != 0)
            {
                flag[0] = 1;
            }
        }

        Group.Barrier();
        bool informative = flag[0] != 0;
        Group.Barrier();
        if (!informative)
        {
            for (int j = tid; j < (b.KPrime + 7) >> 3; j += threads)
            {
                hard[b.HardOffset + j] = 0;
            }

            if (tid == 0)
            {
                // The all-zero output's CRC is 0, which an all-zero CRC field matches (as CrcCalculator.Check finds).
                results[ResultInts * Grid.IdxX] = 0;
                results[(ResultInts * Grid.IdxX) + 1] = 0;
                results[(ResultInts * Grid.IdxX) + 2] = 1;
            }

            return;
        }

        // APPs: punctured 0, fillers +127 (certain zeros), the compacted buffer clamped to ±127, the rest erasures.
        int variables = (b.Kb + b.Rows) * zc;
        for (int n = tid; n < variables; n += threads)
        {
            int value = 0;
            if (n >= 2 * zc)
            {
                if (n >= b.KPrime && n < b.KPrime + b.Fillers)
                {
                    value = Infinity;
                }
                else
                {
                    int index = n < b.KPrime ? n - (2 * zc) : n - (2 * zc) - b.Fillers;
                    if (index < b.CompactLength)
                    {
                        value = Clamp(llrs[b.LlrOffset + index]);
                    }
                }
            }

            app[n] = (sbyte)value;
        }

        for (int z = tid; z < zc; z += threads)
        {
            for (int row = 0; row < b.Rows; row++)
            {
                state[b.StateOffset + (row * zc) + z] = InitialState;
                state[b.StateOffset + checks + (row * zc) + z] = 0;
            }
        }

        Group.Barrier();
        int minSum = rule[TableSize + 1];
        int offset = rule[TableSize];
        int damping = rule[TableSize + 2];
        int iterations = 0;
        bool passed = false;
        while (iterations < b.MaxIterations)
        {
            for (int row = 0; row < b.Rows; row++)
            {
                int first = rowStart[b.RowStartOffset + row];
                int end = rowStart[b.RowStartOffset + row + 1];
                for (int z = tid; z < zc; z += threads)
                {
                    UpdateCheck(app, state, columns, shifts, rule, b, row, z, first, end, fullFillerColumn, offset, minSum, damping);
                }

                Group.Barrier();
            }

            iterations++;
            bool last = iterations == b.MaxIterations;
            if (b.EarlyTermination != 0 || last)
            {
                if (tid == 0)
                {
                    flag[0] = 0;
                }

                Group.Barrier();
                for (int row = 0; row < b.Rows; row++)
                {
                    int first = rowStart[b.RowStartOffset + row];
                    int end = rowStart[b.RowStartOffset + row + 1];
                    for (int z = tid; z < zc; z += threads)
                    {
                        if (!CheckHolds(app, state, columns, shifts, b, row, z, first, end, fullFillerColumn))
                        {
                            flag[0] = 1;
                        }
                    }
                }

                Group.Barrier();
                passed = flag[0] == 0;
                Group.Barrier();
                if (b.EarlyTermination != 0 && passed)
                {
                    break;
                }
            }
        }

        // Hard decisions of c[0..K′), MSB first, trailing bits 0.
        int outBytes = (b.KPrime + 7) >> 3;
        for (int j = tid; j < outBytes; j += threads)
        {
            int packed = 0;
            for (int bit = 0; bit < 8; bit++)
            {
                int n = (j << 3) + bit;
                if (n < b.KPrime && app[n] < 0)
                {
                    packed |= 0x80 >> bit;
                }
            }

            hard[b.HardOffset + j] = (byte)packed;
        }

        if (tid == 0)
        {
            results[ResultInts * Grid.IdxX] = iterations;
            results[(ResultInts * Grid.IdxX) + 1] = passed ? 1 : 0;
            results[(ResultInts * Grid.IdxX) + 2] = CrcHolds(app, b) ? 1 : 0;
        }

    }

    /// <summary>
    /// Whether the K′ hard decisions, read from the final APPs, divide by the CRC's generator: for a zero-initialised
    /// CRC that is exactly "the last L bits are the CRC of the bits before them" (<c>CrcCalculator.Check</c>), since
    /// g(x) has a constant term. Bit-serial on one thread per code block: K′ ≤ 8448 steps, small beside the decoding.
    /// </summary>
    private static bool CrcHolds(ArrayView<sbyte> app, GpuDecodeBlock b)
    {
        if (b.CrcLength == 0)
        {
            return true;
        }

        int top = 1 << (b.CrcLength - 1);
        int mask = (1 << b.CrcLength) - 1;
        int register = 0;
        for (int n = 0; n < b.KPrime; n++)
        {
            int feedback = ((register & top) != 0 ? 1 : 0) ^ (app[n] < 0 ? 1 : 0);
            register = (register << 1) & mask;
            if (feedback != 0)
            {
                register ^= b.CrcPolynomial;
            }
        }

        return register == 0;
    }

    /// <summary>One lifted check (row, z) of the layered schedule, as <c>LdpcDecoderScalar.UpdateRow</c> for one z.</summary>
    private static void UpdateCheck(
        ArrayView<sbyte> app,
        ArrayView<int> state,
        ArrayView<byte> columns,
        ArrayView<short> shifts,
        ArrayView<int> rule,
        GpuDecodeBlock b,
        int row,
        int z,
        int first,
        int end,
        int fullFillerColumn,
        int offset,
        int minSum,
        int damping)
    {
        int zc = b.Zc;
        int check = (row * zc) + z;
        int checks = b.Rows * zc;
        int old = state[b.StateOffset + check];
        int oldSigns = state[b.StateOffset + checks + check];

        // Pass 1: variable-to-check values; keep the three smallest magnitudes, the minimum's edge and the signs.
        int min1 = Infinity;
        int min2 = Infinity;
        int min3 = Infinity;
        int minIndex = NoIndex;
        int signProduct = 0;
        int signs = 0;
        int e = 0;
        for (int entry = first; entry < end; entry++)
        {
            int column = columns[entry];
            if (column >= fullFillerColumn && column < b.Kb)
            {
                continue;
            }

            int v = VariableToCheck(app, shifts, b, entry, column, z, old, (oldSigns >> e) & 1, e);
            int magnitude = v < 0 ? -v : v;
            if (magnitude < min1)
            {
                min3 = min2;
                min2 = min1;
                min1 = magnitude;
                minIndex = e;
            }
            else if (magnitude < min2)
            {
                min3 = min2;
                min2 = magnitude;
            }
            else if (magnitude < min3)
            {
                min3 = magnitude;
            }

            int negative = v < 0 ? 1 : 0;
            signProduct ^= negative;
            signs |= negative << e;
            e++;
        }

        int toOthers = minSum != 0 ? Shrink(min1, offset) : BoxPlus(rule, min1, min2, offset, damping);
        int toMinimum = minSum != 0 ? Shrink(min2, offset) : BoxPlus(rule, min2, min3, offset, damping);
        int packed = toOthers | (toMinimum << 7) | (minIndex << 14) | (signProduct << 21);

        // Pass 2: new APPs = v + new message; certain values stay; extension columns keep their channel LLRs.
        e = 0;
        for (int entry = first; entry < end; entry++)
        {
            int column = columns[entry];
            if (column >= fullFillerColumn && column < b.Kb)
            {
                continue;
            }

            if (column < b.Kb + 4)
            {
                int v = VariableToCheck(app, shifts, b, entry, column, z, old, (oldSigns >> e) & 1, e);
                int n = Variable(shifts, b, entry, column, z);
                int updated = IsCertain(v) ? v : Clamp(v + Message(packed, e, v < 0 ? 1 : 0));
                app[n] = (sbyte)updated;
            }

            e++;
        }

        state[b.StateOffset + check] = packed;
        state[b.StateOffset + checks + check] = signs;
    }

    /// <summary>Whether lifted check (row, z) holds on the hard decisions, as <c>LdpcDecoderScalar.SyndromeHolds</c>.</summary>
    private static bool CheckHolds(
        ArrayView<sbyte> app,
        ArrayView<int> state,
        ArrayView<byte> columns,
        ArrayView<short> shifts,
        GpuDecodeBlock b,
        int row,
        int z,
        int first,
        int end,
        int fullFillerColumn)
    {
        int packed = state[b.StateOffset + (row * b.Zc) + z];
        int parity = 0;
        int e = 0;
        for (int entry = first; entry < end; entry++)
        {
            int column = columns[entry];
            if (column >= fullFillerColumn && column < b.Kb)
            {
                continue;
            }

            int value = app[Variable(shifts, b, entry, column, z)];
            if (column >= b.Kb + 4 && !IsCertain(value))
            {
                // The extension block holds the channel LLR; its APP adds this row's message.
                value = Clamp(value + Message(packed, e, value < 0 ? 1 : 0));
            }

            parity ^= value < 0 ? 1 : 0;
            e++;
        }

        return parity == 0;
    }

    private static int VariableToCheck(ArrayView<sbyte> app, ArrayView<short> shifts, GpuDecodeBlock b, int entry, int column, int z, int old, int ownSign, int e)
    {
        int posterior = app[Variable(shifts, b, entry, column, z)];
        if (column >= b.Kb + 4 || IsCertain(posterior))
        {
            return posterior;
        }

        return Clamp(posterior - Message(old, e, ownSign));
    }

    private static int Variable(ArrayView<short> shifts, GpuDecodeBlock b, int entry, int column, int z)
    {
        int lane = z + shifts[b.ShiftOffset + entry];
        if (lane >= b.Zc)
        {
            lane -= b.Zc;
        }

        return (column * b.Zc) + lane;
    }

    /// <summary>The message of a check (packed state) to its edge <paramref name="e"/>, whose own sign is given.</summary>
    private static int Message(int packed, int e, int ownSign)
    {
        int magnitude = e == ((packed >> 14) & 0x7F) ? (packed >> 7) & 0x7F : packed & 0x7F;
        return ((packed >> 21) & 1) != ownSign ? -magnitude : magnitude;
    }

    /// <summary>a ⊞ b − offset floored at 0, capped by damping when the rule has it, a = 127 stays 127 (<c>CheckNodeRule.BoxPlus</c>).</summary>
    private static int BoxPlus(ArrayView<int> rule, int a, int b, int offset, int damping)
    {
        if (a == Infinity)
        {
            return a;
        }

        int value = a + F(rule, a + b) - F(rule, b - a) - offset;
        value = value > 0 ? value : 0;
        if (damping != 0)
        {
            // The damping cap a − ⌊a/8⌋ − ⌊a/16⌋ (CheckNodeRule.Damp).
            int damped = a - (a >> 3) - (a >> 4);
            value = value < damped ? value : damped;
        }

        return value;
    }

    private static int F(ArrayView<int> rule, int x)
    {
        int bin = x >> 1;
        return rule[bin < TableSize - 1 ? bin : TableSize - 1];
    }

    private static int Shrink(int magnitude, int offset)
    {
        if (magnitude == Infinity)
        {
            return magnitude;
        }

        int value = magnitude - offset;
        return value > 0 ? value : 0;
    }

    private static bool IsCertain(int value) => value == Infinity || value == -Infinity;

    private static int Clamp(int value) => value > Infinity ? Infinity : value < -Infinity ? -Infinity : value;
}
