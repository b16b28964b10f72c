using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// Bit selection, bit interleaving and packing (TS 38.212 5.4.2.1, 5.4.2.2) from a compact circular buffer of packed
/// MSB-first words (fillers already removed), straight into bbdev's packed output.
/// </summary>
/// <remarks>
/// Row i of the interleaver (e[i·E/Qm + j], j &lt; E/Qm) is a run of compact positions starting at
/// (k0′ + i·E/Qm) mod (Ncb − F). Sixty-four symbols at a time, each row's 64 bits are one funnel-shifted read of the
/// buffer (followed by a cyclic copy of its start so a read never wraps), and output bit Qm·j + i is placed by a
/// parallel bit deposit (PDEP) of row i into every Qm-th bit; both sides are MSB-first, which the deposit preserves,
/// so the words are stored big-endian as they are.
/// </remarks>
internal static class LdpcRateMatchKernel
{
    // Per Qm (6 and 8; 1, 2 and 4 have their own loops): shift and deposit mask of row i into output word k.
    private static readonly DepositTable?[] s_tables = [null, null, null, null, null, null, new(6), null, new(8)];

    /// <summary>
    /// Makes the 64 bits after position <paramref name="compactLength"/> a cyclic copy of the buffer's start (bits
    /// past the buffer are cleared first), so that every 64-bit read at a position below the length is cyclic.
    /// </summary>
    public static void Extend(Span<ulong> compact, int compactLength)
    {
        int word = compactLength >> 6;
        int used = compactLength & 63;
        compact[word] = used == 0 ? 0 : compact[word] & PackedWords.KeepFirst(used);
        compact[word + 1] = 0;
        compact[word + 2] = 0;
        ref ulong start = ref MemoryMarshal.GetReference(compact);
        ulong head = compactLength >= 64 ? compact[0] : 0;
        if (compactLength < 64)
        {
            // A buffer shorter than a word repeats within it.
            ulong once = compact[0] & PackedWords.KeepFirst(compactLength);
            for (int t = 0; t < 64; t += compactLength)
            {
                head |= once >> t;
            }
        }

        PackedWords.OrAt(ref start, compactLength, head);
    }

    /// <summary>
    /// Selects E = <paramref name="e"/> bits starting at compact position <paramref name="k0Compact"/> (modulo
    /// <paramref name="compactLength"/>), interleaves them for <paramref name="qm"/> (1 = no interleaving) and packs
    /// them MSB-first into ceil(E/8) bytes of <paramref name="output"/>, unused trailing bits 0.
    /// </summary>
    /// <param name="compact">The compact buffer, extended by <see cref="Extend"/>.</param>
    /// <param name="compactLength">Ncb − F.</param>
    /// <param name="k0Compact">k0′, below <paramref name="compactLength"/>.</param>
    /// <param name="e">E, a multiple of <paramref name="qm"/>.</param>
    /// <param name="qm">Interleaver rows: the modulation order, or 1 for no interleaving.</param>
    /// <param name="output">At least ceil(E/8) bytes.</param>
    public static void SelectInterleavePack(ref ulong compact, int compactLength, int k0Compact, int e, int qm, Span<byte> output)
    {
        int rowLength = e / qm;
        int groups = rowLength >> 6;
        int tail = rowLength & 63;
        Span<RowCursor> position = stackalloc RowCursor[8];
        for (int i = 0; i < qm; i++)
        {
            position[i] = new RowCursor((int)(((long)k0Compact + ((long)i * rowLength)) % compactLength), compactLength);
        }

        // Whole 64-symbol groups, one loop per Qm so that rows and positions stay in registers.
        ref byte destination = ref MemoryMarshal.GetReference(output);
        switch (qm)
        {
            case 1:
                Groups1(ref compact, compactLength, groups, position, ref destination);
                break;
            case 2:
                Groups2(ref compact, compactLength, groups, position, ref destination);
                break;
            case 4:
                Groups4(ref compact, compactLength, groups, position, ref destination);
                break;
            case 8:
                Groups8(ref compact, compactLength, groups, position, ref destination);
                break;
            default:
                GroupsByTable(ref compact, compactLength, groups, qm, position, ref destination);
                break;
        }

        if (tail != 0)
        {
            // The last, partial group: symbols past the row length are masked to 0, words go through a buffer.
            ulong keep = PackedWords.KeepFirst(tail);
            Span<ulong> rows = stackalloc ulong[8];
            Span<ulong> words = stackalloc ulong[8];
            for (int i = 0; i < qm; i++)
            {
                rows[i] = position[i].Next(ref compact, compactLength) & keep;
            }

            Spread(rows, words, qm);
            Span<byte> image = stackalloc byte[64];
            for (int k = 0; k < qm; k++)
            {
                BinaryPrimitives.WriteUInt64BigEndian(image[(k * 8)..], words[k]);
            }

            int done = groups * qm * 8;
            image[..(((e + 7) >> 3) - done)].CopyTo(output[done..]);
        }
    }

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

    // Output bit j is row bit j.
    private static void Groups1(ref ulong compact, int compactLength, int groups, Span<RowCursor> position, ref byte destination)
    {
        ref RowCursor p0 = ref position[0];
        for (int g = 0; g < groups; g++)
        {
            StoreBigEndian(ref destination, g, p0.Next(ref compact, compactLength));
        }
    }

    // Output bit 2j + i = bit j of row i; word 0 takes symbols 0..31 (the high halves), word 1 symbols 32..63.
    private static void Groups2(ref ulong compact, int compactLength, int groups, Span<RowCursor> position, ref byte destination)
    {
        const ulong Row0 = 0xAAAA_AAAA_AAAA_AAAA;
        const ulong Row1 = Row0 >> 1;
        RowCursor p0 = position[0];
        RowCursor p1 = position[1];
        for (int g = 0; g < groups; g++)
        {
            ulong r0 = p0.Next(ref compact, compactLength);
            ulong r1 = p1.Next(ref compact, compactLength);
            StoreBigEndian(ref destination, 2 * g, Deposit(r0 >> 32, Row0) | Deposit(r1 >> 32, Row1));
            StoreBigEndian(ref destination, (2 * g) + 1, Deposit(r0, Row0) | Deposit(r1, Row1));
        }

        position[0] = p0;
        position[1] = p1;
    }

    // Output bit 4j + i = bit j of row i; word k takes symbols 16k..16k+15.
    private static void Groups4(ref ulong compact, int compactLength, int groups, Span<RowCursor> position, ref byte destination)
    {
        const ulong Row0 = 0x8888_8888_8888_8888;
        RowCursor p0 = position[0];
        RowCursor p1 = position[1];
        RowCursor p2 = position[2];
        RowCursor p3 = position[3];
        for (int g = 0; g < groups; g++)
        {
            ulong r0 = p0.Next(ref compact, compactLength);
            ulong r1 = p1.Next(ref compact, compactLength);
            ulong r2 = p2.Next(ref compact, compactLength);
            ulong r3 = p3.Next(ref compact, compactLength);
            for (int k = 0; k < 4; k++)
            {
                int shift = 48 - (16 * k);
                ulong word = Deposit(r0 >> shift, Row0) | Deposit(r1 >> shift, Row0 >> 1)
                    | Deposit(r2 >> shift, Row0 >> 2) | Deposit(r3 >> shift, Row0 >> 3);
                StoreBigEndian(ref destination, (4 * g) + k, word);
            }
        }

        position[0] = p0;
        position[1] = p1;
        position[2] = p2;
        position[3] = p3;
    }

    // Output bit 8j + i = bit j of row i; word k takes symbols 8k..8k+7 (byte k of every row).
    private static void Groups8(ref ulong compact, int compactLength, int groups, Span<RowCursor> position, ref byte destination)
    {
        const ulong Row0 = 0x8080_8080_8080_8080;
        Span<ulong> rows = stackalloc ulong[8];
        for (int g = 0; g < groups; g++)
        {
            for (int i = 0; i < 8; i++)
            {
                rows[i] = position[i].Next(ref compact, compactLength);
            }

            ulong r0 = rows[0], r1 = rows[1], r2 = rows[2], r3 = rows[3], r4 = rows[4], r5 = rows[5], r6 = rows[6], r7 = rows[7];
            for (int k = 0; k < 8; k++)
            {
                int shift = 56 - (8 * k);
                ulong word = Deposit(r0 >> shift, Row0) | Deposit(r1 >> shift, Row0 >> 1)
                    | Deposit(r2 >> shift, Row0 >> 2) | Deposit(r3 >> shift, Row0 >> 3)
                    | Deposit(r4 >> shift, Row0 >> 4) | Deposit(r5 >> shift, Row0 >> 5)
                    | Deposit(r6 >> shift, Row0 >> 6) | Deposit(r7 >> shift, Row0 >> 7);
                StoreBigEndian(ref destination, (8 * g) + k, word);
            }
        }
    }

    // Qm 6 through the deposit table.
    private static void GroupsByTable(ref ulong compact, int compactLength, int groups, int qm, Span<RowCursor> position, ref byte destination)
    {
        Span<ulong> rows = stackalloc ulong[8];
        Span<ulong> words = stackalloc ulong[8];
        for (int g = 0; g < groups; g++)
        {
            for (int i = 0; i < qm; i++)
            {
                rows[i] = position[i].Next(ref compact, compactLength);
            }

            Spread(rows, words, qm);
            for (int k = 0; k < qm; k++)
            {
                StoreBigEndian(ref destination, (g * qm) + k, words[k]);
            }
        }
    }

    // The general spreading, also used for the last group of every Qm.
    private static void Spread(ReadOnlySpan<ulong> rows, Span<ulong> words, int qm)
    {
        switch (qm)
        {
            case 1:
                words[0] = rows[0];
                break;
            case 2:
                words[0] = Deposit(rows[0] >> 32, 0xAAAA_AAAA_AAAA_AAAA) | Deposit(rows[1] >> 32, 0x5555_5555_5555_5555);
                words[1] = Deposit(rows[0], 0xAAAA_AAAA_AAAA_AAAA) | Deposit(rows[1], 0x5555_5555_5555_5555);
                break;
            case 4:
                for (int k = 0; k < 4; k++)
                {
                    int shift = 48 - (16 * k);
                    words[k] = Deposit(rows[0] >> shift, 0x8888_8888_8888_8888) | Deposit(rows[1] >> shift, 0x4444_4444_4444_4444)
                        | Deposit(rows[2] >> shift, 0x2222_2222_2222_2222) | Deposit(rows[3] >> shift, 0x1111_1111_1111_1111);
                }

                break;
            default:
                s_tables[qm]!.Spread(rows, words);
                break;
        }
    }

    /// <summary>
    /// A row's read position in the compact buffer, kept as a word index and a bit shift that stay valid for a run
    /// of 64-bit reads until the position passes the buffer's end; only then is it reduced modulo the length.
    /// </summary>
    private struct RowCursor
    {
        private nint _word;
        private int _shift;
        private int _run;

        public RowCursor(int position, int compactLength) => Seek(position, compactLength);

        /// <summary>The next 64 selection bits of the row; the position moves on by 64, cyclically.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Next(ref ulong compact, int compactLength)
        {
            if (_run == 0)
            {
                // The previous read crossed the end (into the cyclic extension): continue from the start.
                Seek((int)(((_word * 64) + _shift) % compactLength), compactLength);
            }

            ulong high = Unsafe.Add(ref compact, _word);
            ulong low = Unsafe.Add(ref compact, _word + 1);
            _word++;
            _run--;
            return (high << _shift) | ((low >> 1) >> (63 - _shift));
        }

        // Reads start at position, position + 64, ...; the run holds those that start below the length.
        private void Seek(int position, int compactLength)
        {
            _word = position >> 6;
            _shift = position & 63;
            _run = ((compactLength - position) + 63) >> 6;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreBigEndian(ref byte destination, int wordIndex, ulong value) =>
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, wordIndex * 8), BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value);

    /// <summary>
    /// For 64 symbols of Qm bits, MSB-first: output bit Qm·j + i is bit j of row i. Word k takes from row i the
    /// symbols j with 64·k ≤ Qm·j + i &lt; 64·(k + 1), a contiguous run; the row is shifted so that the run's last
    /// symbol is bit 0, and deposited into the bits 63 − (Qm·j + i − 64·k).
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
                    int last = 0;
                    ulong mask = 0;
                    for (int j = 0; j < 64; j++)
                    {
                        int bit = (qm * j) + i - (64 * k);
                        if (bit is >= 0 and < 64)
                        {
                            last = j;
                            mask |= 1UL << (63 - bit);
                        }
                    }

                    _shift[(k * qm) + i] = 63 - last;
                    _mask[(k * qm) + i] = mask;
                }
            }
        }

        public void Spread(ReadOnlySpan<ulong> rows, Span<ulong> words)
        {
            int qm = _qm;
            ref int shift = ref MemoryMarshal.GetArrayDataReference(_shift);
            ref ulong mask = ref MemoryMarshal.GetArrayDataReference(_mask);
            ref ulong row = ref MemoryMarshal.GetReference(rows);
            for (int k = 0; k < qm; k++)
            {
                ulong word = 0;
                for (int i = 0; i < qm; i++)
                {
                    word |= Deposit(Unsafe.Add(ref row, i) >> Unsafe.Add(ref shift, i), Unsafe.Add(ref mask, i));
                }

                shift = ref Unsafe.Add(ref shift, qm);
                mask = ref Unsafe.Add(ref mask, qm);
                words[k] = word;
            }
        }
    }
}
