using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AccelSdk.Bbdev.Fec.Simd;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// Vector rate recovery: the algorithm of <see cref="LdpcRateRecoveryReference"/> with the same order of saturating
/// additions (HARQ input first, then the de-interleaved LLRs in order), so the result is identical.
/// </summary>
/// <remarks>
/// De-interleaving works on groups of 8 symbols (8·Qm bytes, Qm/2 blocks of 16 bytes): one byte shuffle per block
/// and row pair gathers rows i and i+1 into the two halves of a 16-byte vector, stored as 8 bytes to each row. The
/// shuffle is a 16-byte operation, so every width uses the 128-bit de-interleaver; the accumulation into the circular
/// buffer, a run of contiguous segments, uses the width asked for.
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

        // HARQ input (clipped, saturated to ±127), zeros up to the combined length.
        int harqLength = Math.Min(harqInput.Length, compactLength);
        ref byte outputStart = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(output));
        ClampCopy<T>(ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(harqInput)), ref outputStart, harqLength);
        output[harqLength..length].Clear();

        ReadOnlySpan<sbyte> ordered = llrs[..e];
        if (qm > 1)
        {
            Deinterleave(llrs[..e], qm, scratch);
            ordered = scratch.AsSpan(0, e);
        }

        // e[k] goes to (k0′ + k) mod (Ncb − F): contiguous segments, in k order.
        ref byte source = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(ordered));
        int position = parameters.K0Compact;
        for (int k = 0; k < e;)
        {
            int run = Math.Min(e - k, compactLength - position);
            Accumulate<T>(ref Unsafe.Add(ref source, k), ref Unsafe.Add(ref outputStart, position), run);
            k += run;
            position = 0;
        }
    }

    /// <summary>e[i·E/Qm + j] = y[i + j·Qm], for Qm in {2, 4, 6, 8}.</summary>
    public static void Deinterleave(ReadOnlySpan<sbyte> y, int qm, Span<sbyte> e)
    {
        int rowLength = y.Length / qm;
        int groups = rowLength >> 3;
        Vector128<byte>[] masks = s_masks[qm]!;
        int blocks = qm / 2;
        ref byte source = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(y));
        ref byte destination = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(e));
        for (int g = 0; g < groups; g++)
        {
            ref byte group = ref Unsafe.Add(ref source, g * 8 * qm);
            for (int p = 0; p < blocks; p++)
            {
                Vector128<byte> rows = Vector128<byte>.Zero;
                for (int v = 0; v < blocks; v++)
                {
                    rows |= ByteLanes128.Shuffle(Vector128.LoadUnsafe(ref group, (nuint)(v * 16)), masks[(p * blocks) + v]);
                }

                Vector128<ulong> halves = rows.AsUInt64();
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, (2 * p * rowLength) + (g * 8)), halves.GetElement(0));
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, (((2 * p) + 1) * rowLength) + (g * 8)), halves.GetElement(1));
            }
        }

        for (int j = groups * 8; j < rowLength; j++)
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
