using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// The vector decoder, written once over <see cref="IInt8VectorOps{TVec}"/> and specialised per width. It computes
/// exactly what <see cref="LdpcDecoderScalar"/> computes, with the data laid out for wide loads:
/// </summary>
/// <remarks>
/// <para>
/// APP LLRs: one block per base-graph column, <c>stride</c> bytes apart, holding the Zc lanes twice
/// (S[i] = S[i + Zc]) so that any cyclic shift is one unaligned load per vector. A block is kept rotated: S[i] is
/// the APP of lane (i + s) mod Zc, where s is the shift of the last row that wrote the column. A row with shift P
/// reads lane z at S[(P − s) mod Zc + z] and writes its result straight back at S[z] and S[Zc + z] (then s = P), so
/// writing never needs a rotation.
/// </para>
/// <para>
/// Check-to-variable messages: per row and lane, the two output magnitudes of <see cref="CheckNodeRule"/> (to the
/// edge of the smallest input, to the others) and one byte with the index of that edge in its low 7 bits and the
/// sign product in bit 7; per edge only the sign bits, one bit per lane (BG1, Zc = 384: 53 KB of check state and
/// 15 KB of sign bits, against 121 KB for one int8 message per edge). Lanes past Zc in the last vector of a block
/// compute garbage that lands in padding and is never read as data. Certain values (±<see cref="LdpcDecoder.Infinity"/>)
/// are handled with two masks per edge: a certain APP subtracts no message and adds none. The first iteration is a
/// separate specialisation that reads no check state (every message is still 0, so v = APP).
/// </para>
/// <para>
/// A row runs in two passes over its vectors: the first forms v = APP − c_old for every edge (kept in a small
/// per-row buffer) and the new minima; the second adds the new messages and stores the APPs. The second pass walks
/// the vectors from last to first: the last vector's store spills garbage lanes into [Zc, …), which the first
/// vector's duplicate store then overwrites.
/// </para>
/// </remarks>
internal sealed class LdpcDecoderSimd<TOps, TVec> : LdpcDecoder
    where TOps : struct, IInt8VectorOps<TVec>
    where TVec : struct
{
    private const int Alignment = 64;
    private const int MaxColumns = 68;
    private const int MaxRows = 46;
    private const int MaxEdges = 316;
    private const int MaxPitch = LiftingSizes.Max;
    private const int MaxStride = (2 * LiftingSizes.Max) + Alignment;

    private readonly LdpcScratchBuffer _app = new(MaxColumns * MaxStride);
    private readonly LdpcScratchBuffer _toOthers = new(MaxRows * MaxPitch);
    private readonly LdpcScratchBuffer _toMinimum = new(MaxRows * MaxPitch);
    private readonly LdpcScratchBuffer _minIndexSign = new(MaxRows * MaxPitch);
    private readonly LdpcScratchBuffer _edgeSigns = new(MaxEdges * MaxPitch / 8);
    private readonly LdpcScratchBuffer _v = new(LdpcDecoderPlan.MaxDegree * MaxPitch);
    private readonly LdpcScratchBuffer _hard = new((22 * LiftingSizes.Max) + Alignment);
    private readonly int[] _rotation = new int[MaxColumns];
    private readonly int[] _read = new int[LdpcDecoderPlan.MaxDegree];
    private readonly int[] _write = new int[LdpcDecoderPlan.MaxDegree];

    private int _stride;
    private int _pitch;
    private bool _firstIteration;

    /// <summary>Selects, at JIT time, whether a row update starts from no check-to-variable messages.</summary>
    private interface IIterationKind
    {
        static abstract bool First { get; }
    }

    private readonly CheckNodeRule _rule;

    public LdpcDecoderSimd(SimdWidth width)
        : this(width, CheckNodeRule.Default)
    {
    }

    /// <summary>A decoder with another check-node rule, for the BLER tool's tuning runs.</summary>
    internal LdpcDecoderSimd(SimdWidth width, CheckNodeRule rule)
        : base(width) => _rule = rule;

    private protected override void Initialise(LdpcDecoderPlan plan, ReadOnlySpan<sbyte> compact)
    {
        int zc = plan.Zc;
        _stride = AlignUp((2 * zc) + Alignment, Alignment);
        _pitch = AlignUp(zc, Alignment);

        // Each column block from its source, written to both halves: the punctured columns and uncovered
        // positions are 0, fillers +127, the rest comes from the compacted buffer (−128 clamped to −127: the
        // arithmetic is symmetric).
        int kPrime = plan.KPrime;
        int k = plan.Code.K;
        int beforeFillers = Math.Min(compact.Length, kPrime - (2 * zc));
        int afterFillers = compact.Length - beforeFillers;
        for (int column = 0; column < plan.Columns; column++)
        {
            _rotation[column] = 0;
            int start = column * zc;
            int end = start + zc;
            if (end <= 2 * zc || (start >= (2 * zc) + beforeFillers && end <= kPrime) || start >= k + afterFillers)
            {
                FillColumn(column, zc, 0);
            }
            else if (start >= kPrime && end <= k)
            {
                FillColumn(column, zc, sbyte.MaxValue);
            }
            else if (start >= 2 * zc && end <= (2 * zc) + beforeFillers && zc >= TOps.Count)
            {
                CopyColumn(column, zc, compact.Slice(start - (2 * zc), zc));
            }
            else if (start >= k && end <= k + afterFillers && zc >= TOps.Count)
            {
                CopyColumn(column, zc, compact.Slice(beforeFillers + start - k, zc));
            }
            else
            {
                Span<sbyte> block = _app.Span((column + 1) * _stride).Slice(column * _stride, 2 * zc);
                for (int lane = 0; lane < zc; lane++)
                {
                    int variable = start + lane;
                    int index = variable < 2 * zc ? -1
                        : variable < (2 * zc) + beforeFillers ? variable - (2 * zc)
                        : variable < kPrime ? -1
                        : variable < k ? -2
                        : variable < k + afterFillers ? beforeFillers + variable - k
                        : -1;
                    sbyte value = index == -2 ? sbyte.MaxValue : index < 0 ? (sbyte)0 : Math.Max(compact[index], (sbyte)(-Infinity));
                    block[lane] = value;
                    block[zc + lane] = value;
                }
            }
        }

        // No message yet: the first iteration reads no check state (v = APP) and writes all of it.
        _firstIteration = true;
    }

    private protected override void RunIteration(LdpcDecoderPlan plan)
    {
        if (_firstIteration)
        {
            for (int row = 0; row < plan.Rows; row++)
            {
                UpdateRow<FirstIteration>(plan, row);
            }

            _firstIteration = false;
            return;
        }

        for (int row = 0; row < plan.Rows; row++)
        {
            UpdateRow<LaterIteration>(plan, row);
        }
    }

    private protected override bool SyndromeHolds(LdpcDecoderPlan plan)
    {
        int zc = plan.Zc;
        int width = TOps.Count;
        ref sbyte app = ref _app.Reference;
        TVec indexBits = TOps.Broadcast(0x7F);
        TVec max = TOps.Broadcast(sbyte.MaxValue);
        for (int row = 0; row < plan.Rows; row++)
        {
            int first = plan.RowStart[row];
            int degree = plan.RowStart[row + 1] - first;
            bool extension = plan.IsExtension(row);
            int updated = extension ? degree - 1 : degree;
            PrepareOffsets(plan, first, degree);
            ref sbyte toOthers = ref Unsafe.Add(ref _toOthers.Reference, row * _pitch);
            ref sbyte toMinimum = ref Unsafe.Add(ref _toMinimum.Reference, row * _pitch);
            ref sbyte minIndexSign = ref Unsafe.Add(ref _minIndexSign.Reference, row * _pitch);
            for (int k = 0; k < zc; k += width)
            {
                TVec parity = TOps.Broadcast(0);
                for (int e = 0; e < updated; e++)
                {
                    parity = TOps.Xor(parity, TOps.Load(ref Unsafe.Add(ref app, _read[e] + k)));
                }

                if (extension)
                {
                    // The extension variable's APP is its channel LLR plus this row's message (certain stays).
                    TVec channel = TOps.Load(ref Unsafe.Add(ref app, _read[updated] + k));
                    TVec indexSign = TOps.Load(ref Unsafe.Add(ref minIndexSign, k));
                    TVec isMinimum = TOps.Equal(TOps.And(indexSign, indexBits), TOps.Broadcast((sbyte)updated));
                    TVec magnitude = TOps.Select(isMinimum, TOps.Load(ref Unsafe.Add(ref toMinimum, k)), TOps.Load(ref Unsafe.Add(ref toOthers, k)));
                    TVec message = TOps.ApplySign(magnitude, TOps.Xor(indexSign, channel));
                    TVec posterior = TOps.AddClamp(channel, TOps.AndNot(message, TOps.Equal(TOps.Abs(channel), max)));
                    parity = TOps.Xor(parity, posterior);
                }

                ulong bits = TOps.SignBits(parity);
                int valid = zc - k;
                if (valid < width)
                {
                    bits &= (1UL << valid) - 1;
                }

                if (bits != 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private protected override void WriteHardBits(LdpcDecoderPlan plan, Span<byte> output)
    {
        int zc = plan.Zc;
        int kPrime = plan.KPrime;
        int columns = (kPrime + zc - 1) / zc;
        Span<sbyte> app = _app.Span(plan.Columns * _stride);
        Span<sbyte> hard = _hard.Span(columns * zc);

        // Undo each column's rotation: lane z sits at S[(z − s) mod Zc].
        for (int column = 0; column < columns; column++)
        {
            int start = (zc - _rotation[column]) % zc;
            app.Slice((column * _stride) + start, zc).CopyTo(hard.Slice(column * zc, zc));
        }

        // Whole vectors: the sign bits come out LSB-first per byte; bbdev wants MSB-first.
        int width = TOps.Count;
        ref sbyte source = ref _hard.Reference;
        ref byte destination = ref MemoryMarshal.GetReference(output);
        int n = 0;
        for (; n + width <= kPrime; n += width)
        {
            ulong bits = ReverseBitsInBytes(TOps.SignBits(TOps.Load(ref Unsafe.Add(ref source, n))));
            ref byte target = ref Unsafe.Add(ref destination, n >> 3);
            if (width == 16)
            {
                Unsafe.WriteUnaligned(ref target, (ushort)bits);
            }
            else if (width == 32)
            {
                Unsafe.WriteUnaligned(ref target, (uint)bits);
            }
            else
            {
                Unsafe.WriteUnaligned(ref target, bits);
            }
        }

        output.Slice(n >> 3).Clear();
        for (; n < kPrime; n++)
        {
            if (hard[n] < 0)
            {
                output[n >> 3] |= (byte)(0x80 >> (n & 7));
            }
        }
    }

    private static int AlignUp(int value, int alignment) => (value + alignment - 1) & -alignment;

    private static ulong ReverseBitsInBytes(ulong x)
    {
        x = ((x >> 1) & 0x5555555555555555UL) | ((x & 0x5555555555555555UL) << 1);
        x = ((x >> 2) & 0x3333333333333333UL) | ((x & 0x3333333333333333UL) << 2);
        return ((x >> 4) & 0x0F0F0F0F0F0F0F0FUL) | ((x & 0x0F0F0F0F0F0F0F0FUL) << 4);
    }

    /// <summary>Both halves of a column block set to <paramref name="value"/>.</summary>
    private void FillColumn(int column, int zc, sbyte value) => _app.Span((column + 1) * _stride).Slice(column * _stride, 2 * zc).Fill(value);

    /// <summary>Both halves of a column block from <paramref name="source"/> (Zc ≥ the vector width), −128 → −127.</summary>
    private void CopyColumn(int column, int zc, ReadOnlySpan<sbyte> source)
    {
        ref sbyte from = ref MemoryMarshal.GetReference(source);
        ref sbyte block = ref Unsafe.Add(ref _app.Reference, column * _stride);
        TVec floor = TOps.Broadcast(-Infinity);
        for (int lane = 0; ; lane += TOps.Count)
        {
            // The last vector overlaps the one before rather than reading past the column.
            lane = Math.Min(lane, zc - TOps.Count);
            TVec value = TOps.Max(TOps.Load(ref Unsafe.Add(ref from, lane)), floor);
            TOps.Store(value, ref Unsafe.Add(ref block, lane));
            TOps.Store(value, ref Unsafe.Add(ref block, zc + lane));
            if (lane == zc - TOps.Count)
            {
                break;
            }
        }
    }

    /// <summary>Byte offsets of each edge's read (rotated by the column's current shift) and write positions.</summary>
    private void PrepareOffsets(LdpcDecoderPlan plan, int first, int degree)
    {
        int zc = plan.Zc;
        ReadOnlySpan<int> columns = plan.EdgeColumn;
        ReadOnlySpan<int> shifts = plan.EdgeShift;
        for (int e = 0; e < degree; e++)
        {
            int column = columns[first + e];
            int offset = shifts[first + e] - _rotation[column];
            if (offset < 0)
            {
                offset += zc;
            }

            _write[e] = column * _stride;
            _read[e] = _write[e] + offset;
        }
    }

    private void UpdateRow<TKind>(LdpcDecoderPlan plan, int row)
        where TKind : struct, IIterationKind
    {
        int zc = plan.Zc;
        int width = TOps.Count;
        int first = plan.RowStart[row];
        int degree = plan.RowStart[row + 1] - first;
        int pitch = _pitch;
        int signBytes = pitch / 8;
        ReadOnlySpan<int> shifts = plan.EdgeShift;
        PrepareOffsets(plan, first, degree);

        // Rows from 4 on end with their extension column, whose block keeps the channel LLRs (see the plan).
        bool extension = plan.IsExtension(row);
        int updated = extension ? degree - 1 : degree;

        ref sbyte app = ref _app.Reference;
        ref sbyte v = ref _v.Reference;
        ref sbyte toOthers = ref Unsafe.Add(ref _toOthers.Reference, row * pitch);
        ref sbyte toMinimum = ref Unsafe.Add(ref _toMinimum.Reference, row * pitch);
        ref sbyte minIndexSign = ref Unsafe.Add(ref _minIndexSign.Reference, row * pitch);
        ref byte signs = ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref _edgeSigns.Reference, first * signBytes));
        ref int read = ref MemoryMarshal.GetArrayDataReference(_read);
        ref int write = ref MemoryMarshal.GetArrayDataReference(_write);

        TVec indexBits = TOps.Broadcast(0x7F);
        TVec signBit = TOps.Broadcast(unchecked((sbyte)0x80));
        TVec max = TOps.Broadcast(sbyte.MaxValue);

        TVec one = TOps.Broadcast(1);
        TVec table = TOps.LoadTable(_rule.Table);

        // Pass 1: variable-to-check values and the new compressed check-to-variable messages.
        for (int k = 0; k < zc; k += width)
        {
            TVec oldToOthers = TKind.First ? max : TOps.Load(ref Unsafe.Add(ref toOthers, k));
            TVec oldToMinimum = TKind.First ? max : TOps.Load(ref Unsafe.Add(ref toMinimum, k));
            TVec oldIndexSign = TKind.First ? max : TOps.Load(ref Unsafe.Add(ref minIndexSign, k));
            TVec oldIndex = TOps.And(oldIndexSign, indexBits);
            TVec newMin1 = max;
            TVec newMin2 = max;
            TVec newMin3 = max;
            TVec newIndex = indexBits;
            TVec newSign = TOps.Broadcast(0);
            TVec edge = TOps.Broadcast(0);
            ref sbyte edgeValues = ref Unsafe.Add(ref v, k);
            ref byte edgeSigns = ref Unsafe.Add(ref signs, k >> 3);
            ref sbyte posteriors = ref Unsafe.Add(ref app, k);
            for (int e = 0; e < updated; e++)
            {
                TVec posterior = TOps.Load(ref Unsafe.Add(ref posteriors, Unsafe.Add(ref read, e)));
                TVec value = posterior;
                if (!TKind.First)
                {
                    TVec magnitude = TOps.Select(TOps.Equal(oldIndex, edge), oldToMinimum, oldToOthers);
                    TVec oldMessage = TOps.ApplySign(magnitude, TOps.Xor(oldIndexSign, TOps.LoadBitMask(ref edgeSigns)));
                    value = TOps.SubtractClamp(posterior, TOps.AndNot(oldMessage, TOps.Equal(TOps.Abs(posterior), max)));
                }

                TOps.Store(value, ref edgeValues);
                StoreBits(TOps.SignBits(value), ref edgeSigns);

                TVec abs = TOps.Abs(value);
                TVec below = TOps.GreaterThan(newMin1, abs);
                newMin3 = TOps.Min(newMin3, TOps.Max(newMin2, abs));
                newMin2 = TOps.Min(newMin2, TOps.Max(newMin1, abs));
                newMin1 = TOps.Min(newMin1, abs);
                newIndex = TOps.Select(below, edge, newIndex);
                newSign = TOps.Xor(newSign, value);

                edge = TOps.AddWrap(edge, one);
                edgeValues = ref Unsafe.Add(ref edgeValues, pitch);
                edgeSigns = ref Unsafe.Add(ref edgeSigns, signBytes);
            }

            if (extension)
            {
                // v of a degree-1 variable is its channel LLR: it takes part in the minima and the sign product
                // only; nothing is kept for pass 2.
                TVec value = TOps.Load(ref Unsafe.Add(ref posteriors, Unsafe.Add(ref read, updated)));
                TVec abs = TOps.Abs(value);
                TVec below = TOps.GreaterThan(newMin1, abs);
                newMin3 = TOps.Min(newMin3, TOps.Max(newMin2, abs));
                newMin2 = TOps.Min(newMin2, TOps.Max(newMin1, abs));
                newMin1 = TOps.Min(newMin1, abs);
                newIndex = TOps.Select(below, edge, newIndex);
                newSign = TOps.Xor(newSign, value);
            }

            TOps.Store(ToOthers(newMin1, newMin2, table), ref Unsafe.Add(ref toOthers, k));
            TOps.Store(ToMinimum(newMin2, newMin3, table), ref Unsafe.Add(ref toMinimum, k));
            TOps.Store(TOps.Or(newIndex, TOps.And(newSign, signBit)), ref Unsafe.Add(ref minIndexSign, k));
        }

        // Pass 2, last vector first (see the remarks): APP = v + new message, stored twice.
        int last = (zc - 1) / width * width;
        for (int k = last; k >= 0; k -= width)
        {
            TVec newToOthers = TOps.Load(ref Unsafe.Add(ref toOthers, k));
            TVec newToMinimum = TOps.Load(ref Unsafe.Add(ref toMinimum, k));
            TVec indexSign = TOps.Load(ref Unsafe.Add(ref minIndexSign, k));
            TVec index = TOps.And(indexSign, indexBits);
            TVec edge = TOps.Broadcast(0);
            ref sbyte edgeValues = ref Unsafe.Add(ref v, k);
            ref sbyte blocks = ref Unsafe.Add(ref app, k);
            for (int e = 0; e < updated; e++)
            {
                TVec value = TOps.Load(ref edgeValues);
                TVec magnitude = TOps.Select(TOps.Equal(index, edge), newToMinimum, newToOthers);
                TVec message = TOps.ApplySign(magnitude, TOps.Xor(indexSign, value));
                TVec result = TOps.AddClamp(value, TOps.AndNot(message, TOps.Equal(TOps.Abs(value), max)));
                ref sbyte block = ref Unsafe.Add(ref blocks, Unsafe.Add(ref write, e));
                TOps.Store(result, ref block);
                TOps.Store(result, ref Unsafe.Add(ref block, zc));

                edge = TOps.AddWrap(edge, one);
                edgeValues = ref Unsafe.Add(ref edgeValues, pitch);
            }
        }

        ReadOnlySpan<int> columns = plan.EdgeColumn;
        for (int e = 0; e < updated; e++)
        {
            _rotation[columns[first + e]] = shifts[first + e];
        }
    }

    /// <summary><see cref="CheckNodeRule.ToOthers"/> on vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TVec ToOthers(TVec min1, TVec min2, TVec table) => _rule.Scale == 0 ? Shrink(min1) : BoxPlus(min1, min2, table);

    /// <summary><see cref="CheckNodeRule.ToMinimum"/> on vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TVec ToMinimum(TVec min2, TVec min3, TVec table) => _rule.Scale == 0 ? Shrink(min2) : BoxPlus(min2, min3, table);

    /// <summary><see cref="CheckNodeRule.BoxPlus"/>: max(a + f(a + b) − f(b − a) − offset, 0), a = 127 kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TVec BoxPlus(TVec a, TVec b, TVec table)
    {
        TVec lastBin = TOps.Broadcast(15);
        TVec infinity = TOps.Broadcast(Infinity);

        // a, b ≤ 127, so a + b ≤ 254 fits an unsigned byte and (a + b) >> 1 ≤ 127 compares as signed.
        TVec nearness = TOps.LookUp(table, TOps.Min(TOps.ShiftRightLogical(TOps.SubtractFloorZero(b, a), 1), lastBin));
        TVec smallness = TOps.LookUp(table, TOps.Min(TOps.ShiftRightLogical(TOps.AddWrap(a, b), 1), lastBin));
        TVec result = TOps.SubtractFloorZero(TOps.AddWrap(a, smallness), TOps.AddWrap(nearness, TOps.Broadcast((sbyte)_rule.Offset)));
        return TOps.Select(TOps.Equal(a, infinity), infinity, result);
    }

    /// <summary>Offset min-sum: max(m − offset, 0), 127 kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TVec Shrink(TVec magnitude)
    {
        TVec infinity = TOps.Broadcast(Infinity);
        return TOps.Select(TOps.Equal(magnitude, infinity), infinity, TOps.SubtractFloorZero(magnitude, TOps.Broadcast((sbyte)_rule.Offset)));
    }

    private struct FirstIteration : IIterationKind
    {
        public static bool First => true;
    }

    private struct LaterIteration : IIterationKind
    {
        public static bool First => false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreBits(ulong bits, ref byte destination)
    {
        if (TOps.Count == 16)
        {
            Unsafe.WriteUnaligned(ref destination, (ushort)bits);
        }
        else if (TOps.Count == 32)
        {
            Unsafe.WriteUnaligned(ref destination, (uint)bits);
        }
        else
        {
            Unsafe.WriteUnaligned(ref destination, bits);
        }
    }
}
