using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using AccelSdk.Bbdev.Fec.Simd;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// Vector rate recovery: the algorithm of <see cref="LdpcRateRecoveryReference"/> with the same order of saturating
/// additions (HARQ input first, then the de-interleaved LLRs in order), so the result is identical.
/// </summary>
/// <remarks>
/// De-interleaving works on groups of 8 symbols (8·Qm bytes, Qm/2 blocks of 16 bytes): one byte shuffle (SSSE3
/// PSHUFB) per block and row pair gathers rows i and i+1 into the two halves of a 16-byte vector, stored as 8 bytes
/// to each row; QPSK needs one shuffle per group, 16QAM two plus 32-bit unpacks. The pattern is bound by its 8-byte
/// stores, so every width uses this 128-bit de-interleaver (the scalar loop where SSSE3 is missing); the
/// accumulation into the circular buffer, a run of contiguous segments, uses the width asked for.
/// </remarks>
internal static class LdpcRateRecoveryKernel
{
    // Per Qm (2, 4, 6, 8): shuffle indices [pair][block] selecting rows 2p (low half) and 2p+1 (high half).
    private static readonly Vector128<byte>[]?[] s_masks = [null, null, Masks(2), null, Masks(4), null, Masks(6), null, Masks(8)];

    /// <summary>
    /// Writes the combined buffer into <paramref name="output"/> (length <paramref name="length"/>, already checked),
    /// using <paramref name="scratch"/> (at least E bytes) for the de-interleaved LLRs when Qm &gt; 1.
    /// </summary>
    public static void Recover<T>(in LdpcBlockParameters parameters, ReadOnlySpan<sbyte> llrs, ReadOnlySpan<sbyte> harqInput, Span<sbyte> output, int length, sbyte[] scratch)
        where T : struct, IByteLanes<T>
    {
        int e = parameters.E;
        int compactLength = parameters.CompactLength;
        int qm = parameters.InterleaverBypass ? 1 : parameters.Qm;

        // HARQ input (clipped, saturated to ±127). Positions past it are 0 before their first LLR, so the first
        // segment stores clamp(e) there instead of adding, and only the gap [HARQ length, k0′) is cleared: a position
        // in it is either never reached (it must read 0) or first reached by the wrapped second segment, which adds.
        int harqLength = Math.Min(harqInput.Length, compactLength);
        int k0 = parameters.K0Compact;
        ref byte outputStart = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(output));
        ClampCopy<T>(ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(harqInput)), ref outputStart, harqLength);
        if (harqLength < k0)
        {
            output[harqLength..k0].Clear();
        }

        ReadOnlySpan<sbyte> ordered = llrs[..e];
        if (qm > 1)
        {
            Deinterleave(llrs[..e], qm, scratch);
            ordered = scratch.AsSpan(0, e);
        }

        // e[k] goes to (k0′ + k) mod (Ncb − F): contiguous segments, in k order.
        ref byte source = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(ordered));
        int first = Math.Min(e, compactLength - k0);
        int added = Math.Clamp(harqLength - k0, 0, first);
        Accumulate<T>(ref source, ref Unsafe.Add(ref outputStart, k0), added);
        ClampCopy<T>(ref Unsafe.Add(ref source, added), ref Unsafe.Add(ref outputStart, k0 + added), first - added);
        for (int k = first; k < e; k += compactLength)
        {
            Accumulate<T>(ref Unsafe.Add(ref source, k), ref outputStart, Math.Min(e - k, compactLength));
        }
    }

    /// <summary>e[i·E/Qm + j] = y[i + j·Qm], for Qm in {2, 4, 6, 8}.</summary>
    public static void Deinterleave(ReadOnlySpan<sbyte> y, int qm, Span<sbyte> e)
    {
        int rowLength = y.Length / qm;
        if (qm == 2 && Ssse3.IsSupported)
        {
            Deinterleave2(y, e, rowLength);
            return;
        }

        if (qm == 4 && Ssse3.IsSupported)
        {
            Deinterleave4(y, e, rowLength);
            return;
        }

        if (!Ssse3.IsSupported)
        {
            DeinterleaveTail(y, e, qm, rowLength, 0);
            return;
        }

        if (qm == 6)
        {
            Deinterleave6(y, e, rowLength);
        }
        else
        {
            Deinterleave8(y, e, rowLength);
        }
    }

    // 64QAM: 8 symbols in three blocks; each row pair takes one shuffle from every block.
    private static void Deinterleave6(ReadOnlySpan<sbyte> y, Span<sbyte> e, int rowLength)
    {
        Vector128<byte>[] m = s_masks[6]!;
        (Vector128<byte> m0, Vector128<byte> m1, Vector128<byte> m2) = (m[0], m[1], m[2]);
        (Vector128<byte> m3, Vector128<byte> m4, Vector128<byte> m5) = (m[3], m[4], m[5]);
        (Vector128<byte> m6, Vector128<byte> m7, Vector128<byte> m8) = (m[6], m[7], m[8]);
        ref byte source = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(y));
        ref byte row0 = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(e));
        int groups = rowLength >> 3;
        for (int g = 0; g < groups; g++)
        {
            ref byte group = ref Unsafe.Add(ref source, g * 48);
            Vector128<byte> b0 = Vector128.LoadUnsafe(ref group, 0);
            Vector128<byte> b1 = Vector128.LoadUnsafe(ref group, 16);
            Vector128<byte> b2 = Vector128.LoadUnsafe(ref group, 32);
            ref byte at = ref Unsafe.Add(ref row0, g * 8);
            StorePair(ref at, rowLength, Ssse3.Shuffle(b0, m0) | Ssse3.Shuffle(b1, m1) | Ssse3.Shuffle(b2, m2));
            StorePair(ref Unsafe.Add(ref at, 2 * rowLength), rowLength, Ssse3.Shuffle(b0, m3) | Ssse3.Shuffle(b1, m4) | Ssse3.Shuffle(b2, m5));
            StorePair(ref Unsafe.Add(ref at, 4 * rowLength), rowLength, Ssse3.Shuffle(b0, m6) | Ssse3.Shuffle(b1, m7) | Ssse3.Shuffle(b2, m8));
        }

        DeinterleaveTail(y, e, 6, rowLength, groups * 8);
    }

    // 256QAM: 8 symbols in four blocks; each row pair takes one shuffle from every block.
    private static void Deinterleave8(ReadOnlySpan<sbyte> y, Span<sbyte> e, int rowLength)
    {
        ref Vector128<byte> m = ref MemoryMarshal.GetArrayDataReference(s_masks[8]!);
        ref byte source = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(y));
        ref byte row0 = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(e));
        int groups = rowLength >> 3;
        for (int g = 0; g < groups; g++)
        {
            ref byte group = ref Unsafe.Add(ref source, g * 64);
            Vector128<byte> b0 = Vector128.LoadUnsafe(ref group, 0);
            Vector128<byte> b1 = Vector128.LoadUnsafe(ref group, 16);
            Vector128<byte> b2 = Vector128.LoadUnsafe(ref group, 32);
            Vector128<byte> b3 = Vector128.LoadUnsafe(ref group, 48);
            ref byte at = ref Unsafe.Add(ref row0, g * 8);
            for (int p = 0; p < 4; p++)
            {
                ref Vector128<byte> pm = ref Unsafe.Add(ref m, 4 * p);
                Vector128<byte> rows = Ssse3.Shuffle(b0, pm) | Ssse3.Shuffle(b1, Unsafe.Add(ref pm, 1))
                    | Ssse3.Shuffle(b2, Unsafe.Add(ref pm, 2)) | Ssse3.Shuffle(b3, Unsafe.Add(ref pm, 3));
                StorePair(ref Unsafe.Add(ref at, 2 * p * rowLength), rowLength, rows);
            }
        }

        DeinterleaveTail(y, e, 8, rowLength, groups * 8);
    }

    // Low 8 bytes to one row, high 8 bytes to the next.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StorePair(ref byte at, int rowLength, Vector128<byte> rows)
    {
        Vector128<ulong> halves = rows.AsUInt64();
        Unsafe.WriteUnaligned(ref at, halves.ToScalar());
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, rowLength), halves.GetElement(1));
    }

    // QPSK: one shuffle splits 8 symbols into their two rows (low and high halves).
    private static void Deinterleave2(ReadOnlySpan<sbyte> y, Span<sbyte> e, int rowLength)
    {
        Vector128<byte> mask = s_masks[2]![0];
        ref byte source = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(y));
        ref byte row0 = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(e));
        ref byte row1 = ref Unsafe.Add(ref row0, rowLength);
        int groups = rowLength >> 3;
        for (int g = 0; g < groups; g++)
        {
            Vector128<ulong> rows = Ssse3.Shuffle(Vector128.LoadUnsafe(ref source, (nuint)(g * 16)), mask).AsUInt64();
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref row0, g * 8), rows.ToScalar());
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref row1, g * 8), rows.GetElement(1));
        }

        DeinterleaveTail(y, e, 2, rowLength, groups * 8);
    }

    // 16QAM: shuffles group 4 symbols by row (4 bytes each) in each block; 32-bit unpacks join the two blocks.
    private static void Deinterleave4(ReadOnlySpan<sbyte> y, Span<sbyte> e, int rowLength)
    {
        Vector128<byte> byRow = Vector128.Create((byte)0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
        ref byte source = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(y));
        ref byte row0 = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(e));
        int groups = rowLength >> 3;
        for (int g = 0; g < groups; g++)
        {
            Vector128<uint> a = Ssse3.Shuffle(Vector128.LoadUnsafe(ref source, (nuint)(g * 32)), byRow).AsUInt32();
            Vector128<uint> b = Ssse3.Shuffle(Vector128.LoadUnsafe(ref source, (nuint)((g * 32) + 16)), byRow).AsUInt32();
            Vector128<ulong> rows01 = Sse2.UnpackLow(a, b).AsUInt64();
            Vector128<ulong> rows23 = Sse2.UnpackHigh(a, b).AsUInt64();
            ref byte at = ref Unsafe.Add(ref row0, g * 8);
            Unsafe.WriteUnaligned(ref at, rows01.ToScalar());
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, rowLength), rows01.GetElement(1));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, 2 * rowLength), rows23.ToScalar());
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, 3 * rowLength), rows23.GetElement(1));
        }

        DeinterleaveTail(y, e, 4, rowLength, groups * 8);
    }

    private static void DeinterleaveTail(ReadOnlySpan<sbyte> y, Span<sbyte> e, int qm, int rowLength, int from)
    {
        for (int j = from; j < rowLength; j++)
        {
            for (int i = 0; i < qm; i++)
            {
                e[(i * rowLength) + j] = y[i + (j * qm)];
            }
        }
    }

    // destination[t] = max(destination[t] +sat source[t], −127) for t < length (positions are distinct).
    private static void Accumulate<T>(ref byte source, ref byte destination, int length)
        where T : struct, IByteLanes<T>
    {
        int count = T.Count;
        int t = 0;
        for (; t + count <= length; t += count)
        {
            T sum = T.ClampLlr(T.AddSaturate(T.Load(ref destination, (nuint)t), T.Load(ref source, (nuint)t)));
            T.Store(sum, ref destination, (nuint)t);
        }

        for (; t < length; t++)
        {
            int sum = (sbyte)Unsafe.Add(ref destination, t) + (sbyte)Unsafe.Add(ref source, t);
            Unsafe.Add(ref destination, t) = (byte)(sbyte)Math.Clamp(sum, -127, 127);
        }
    }

    private static void ClampCopy<T>(ref byte source, ref byte destination, int length)
        where T : struct, IByteLanes<T>
    {
        int count = T.Count;
        int t = 0;
        for (; t + count <= length; t += count)
        {
            T.Store(T.ClampLlr(T.Load(ref source, (nuint)t)), ref destination, (nuint)t);
        }

        for (; t < length; t++)
        {
            Unsafe.Add(ref destination, t) = (byte)Math.Max((sbyte)Unsafe.Add(ref source, t), (sbyte)-127);
        }
    }

    private static Vector128<byte>[] Masks(int qm)
    {
        int blocks = qm / 2;
        var masks = new Vector128<byte>[blocks * blocks];
        Span<byte> index = stackalloc byte[16];
        for (int p = 0; p < blocks; p++)
        {
            for (int v = 0; v < blocks; v++)
            {
                for (int o = 0; o < 16; o++)
                {
                    int row = (2 * p) + (o >> 3);
                    int at = ((o & 7) * qm) + row;
                    index[o] = at >> 4 == v ? (byte)(at & 15) : (byte)0x80;
                }

                masks[(p * blocks) + v] = Vector128.Create((ReadOnlySpan<byte>)index);
            }
        }

        return masks;
    }
}
