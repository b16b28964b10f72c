using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using AccelSdk.Bbdev.Fec.Simd;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// Vector bit selection, bit interleaving and packing (TS 38.212 5.4.2.1, 5.4.2.2) from a compact circular buffer
/// of mask bytes (fillers already removed), straight into packed output.
/// </summary>
/// <remarks>
/// Row i of the interleaver (e[i·E/Qm + j], j &lt; E/Qm) is a run of compact positions starting at
/// (k0′ + i·E/Qm) mod (Ncb − F). Sixty-four symbols at a time, each row's 64 bits are gathered with a movemask of
/// 64 consecutive buffer bytes (the buffer is followed by a cyclic copy of its start so a window never wraps), and
/// the output bit Qm·j + i is placed by a parallel bit deposit of row i into every Qm-th bit. The deposit builds the
/// words LSB-first; one vector pass then reverses the bits of every byte into bbdev's MSB-first order.
/// </remarks>
internal static class LdpcRateMatchKernel
{
    /// <summary>Bytes the caller must make readable (and cyclic) past the compact buffer: one 64-symbol window.</summary>
    public const int WindowExtension = 64;

    // Per Qm: for output word k of a 64-symbol group and row i, how far to shift row i's bits and where to deposit them.
    private static readonly DepositTable?[] s_tables = [null, null, new(2), null, new(4), null, new(6), null, new(8)];

    /// <summary>
    /// Writes the cyclic extension: <paramref name="compact"/>[L + t] = compact[t mod L] for t &lt; 64, so that every
    /// 64-byte window starting below L reads the buffer cyclically.
    /// </summary>
    public static void Extend(ref byte compact, int compactLength)
    {
        for (int t = 0; t < WindowExtension; t++)
        {
            Unsafe.Add(ref compact, compactLength + t) = Unsafe.Add(ref compact, t);
        }
    }

    /// <summary>
    /// Selects E = <paramref name="e"/> bits starting at compact position <paramref name="k0Compact"/> (modulo
    /// <paramref name="compactLength"/>), interleaves them for <paramref name="qm"/> (1 = no interleaving) and packs
    /// them MSB-first into ceil(E/8) bytes of <paramref name="output"/>.
    /// </summary>
    /// <param name="compact">The compact buffer of mask bytes, extended by <see cref="Extend"/>.</param>
    /// <param name="compactLength">Ncb − F.</param>
    /// <param name="k0Compact">k0′, below <paramref name="compactLength"/>.</param>
    /// <param name="e">E, a multiple of <paramref name="qm"/>.</param>
    /// <param name="qm">Interleaver rows: the modulation order, or 1 for no interleaving.</param>
    /// <param name="output">At least ceil(E/8) bytes.</param>
    public static void SelectInterleavePack<T>(ref byte compact, int compactLength, int k0Compact, int e, int qm, Span<byte> output)
        where T : struct, IByteLanes<T>
    {
        int rowLength = e / qm;
        int groups = rowLength >> 6;
        int tail = rowLength & 63;
        int outputBytes = (e + 7) >> 3;
        Span<int> position = stackalloc int[8];
        Span<ulong> rows = stackalloc ulong[8];
        Span<ulong> words = stackalloc ulong[8];
        for (int i = 0; i < qm; i++)
        {
            position[i] = (int)(((long)k0Compact + ((long)i * rowLength)) % compactLength);
        }

        DepositTable? table = s_tables[qm];
        ref byte destination = ref MemoryMarshal.GetReference(output);
        for (int g = 0; g < groups; g++)
        {
            for (int i = 0; i < qm; i++)
            {
                rows[i] = BitPacking.MoveMask64<T>(ref compact, (nuint)position[i]);
                position[i] = Advance(position[i], compactLength);
            }

            ref byte groupStart = ref Unsafe.Add(ref destination, g * qm * 8);
            if (table is null)
            {
                Unsafe.WriteUnaligned(ref groupStart, LittleEndian(rows[0]));
            }
            else
            {
                table.Spread(rows, words);
                for (int k = 0; k < qm; k++)
                {
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref groupStart, k * 8), LittleEndian(words[k]));
                }
            }
        }

        if (tail != 0)
        {
            ulong keep = (1UL << tail) - 1;
            for (int i = 0; i < qm; i++)
            {
                rows[i] = BitPacking.MoveMask64<T>(ref compact, (nuint)position[i]) & keep;
            }

            if (table is null)
            {
                words[0] = rows[0];
            }
            else
            {
                table.Spread(rows, words);
            }

            Span<byte> image = stackalloc byte[64];
            for (int k = 0; k < qm; k++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(image[(k * 8)..], words[k]);
            }

            int done = groups * qm * 8;
            image[..(outputBytes - done)].CopyTo(output[done..]);
        }

        BitPacking.ReverseBitsInBytes<T>(output[..outputBytes]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Advance(int position, int compactLength)
    {
        position += 64;
        if (position >= compactLength)
        {
            position -= compactLength;
            if (position >= compactLength)
            {
                position %= compactLength;
            }
        }

        return position;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LittleEndian(ulong value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    /// <summary>Parallel bit deposit (BMI2 PDEP), with a portable loop where the CPU lacks it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Deposit(ulong source, ulong mask)
    {
        if (Bmi2.X64.IsSupported)
        {
            return Bmi2.X64.ParallelBitDeposit(source, mask);
        }

        ulong result = 0;
        for (ulong bit = 1; mask != 0; bit <<= 1)
        {
            ulong lowest = mask & (0 - mask);
            if ((source & bit) != 0)
            {
                result |= lowest;
            }

            mask ^= lowest;
        }

        return result;
    }

    /// <summary>
    /// For 64 symbols of Qm bits: output bit Qm·j + i (LSB-first across Qm words) is bit j of row i. Word k takes
    /// from row i the symbols j with 64·k ≤ Qm·j + i &lt; 64·(k + 1), a contiguous run starting at Shift[k, i].
    /// </summary>
    private sealed class DepositTable
    {
        private readonly int _qm;
        private readonly int[] _shift;
        private readonly ulong[] _mask;

        public DepositTable(int qm)
        {
            _qm = qm;
            _shift = new int[qm * qm];
            _mask = new ulong[qm * qm];
            for (int k = 0; k < qm; k++)
            {
                for (int i = 0; i < qm; i++)
                {
                    int first = -1;
                    ulong mask = 0;
                    for (int j = 0; j < 64; j++)
                    {
                        int bit = (qm * j) + i - (64 * k);
                        if (bit is >= 0 and < 64)
                        {
                            first = first < 0 ? j : first;
                            mask |= 1UL << bit;
                        }
                    }

                    _shift[(k * qm) + i] = Math.Max(first, 0);
                    _mask[(k * qm) + i] = mask;
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Spread(ReadOnlySpan<ulong> rows, Span<ulong> words)
        {
            int qm = _qm;
            ref int shift = ref MemoryMarshal.GetArrayDataReference(_shift);
            ref ulong mask = ref MemoryMarshal.GetArrayDataReference(_mask);
            for (int k = 0; k < qm; k++)
            {
                ulong word = 0;
                for (int i = 0; i < qm; i++)
                {
                    int at = (k * qm) + i;
                    word |= Deposit(rows[i] >> Unsafe.Add(ref shift, at), Unsafe.Add(ref mask, at));
                }

                words[k] = word;
            }
        }
    }
}
