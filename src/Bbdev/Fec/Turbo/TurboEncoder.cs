using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// The fast turbo encoder: the same code as <see cref="TurboEncoderReference"/>, eight input bits per table lookup.
/// A table indexed by (register state, input byte) gives the eight parity bits and the next state, so each RSC encoder
/// takes K/8 dependent lookups; the interleaved input is gathered bit by bit along the QPP recurrence.
/// </summary>
/// <remarks>An instance owns scratch for K = 6144 and is not thread-safe.</remarks>
internal sealed class TurboEncoder
{
    /// <summary>(state &lt;&lt; 8 | input byte) → parity byte | next state &lt;&lt; 8. State = D1 | D2 &lt;&lt; 1 | D3 &lt;&lt; 2.</summary>
    private static readonly ushort[] s_rsc = BuildRscTable();

    /// <summary>A byte → its eight bits, MSB first, as eight bytes (0 or 1) in memory order.</summary>
    private static readonly ulong[] s_unpack = BuildUnpackTable();

    private readonly byte[] _bits = new byte[TurboInterleaver.MaxBlockSize + 8];
    private readonly byte[] _interleaved = new byte[(TurboInterleaver.MaxBlockSize / 8) + 8];
    private readonly byte[] _parity1 = new byte[(TurboInterleaver.MaxBlockSize / 8) + 8];
    private readonly byte[] _parity2 = new byte[(TurboInterleaver.MaxBlockSize / 8) + 8];

    /// <summary>
    /// Encodes the K bits of <paramref name="packed"/> (MSB-first) into <paramref name="d"/> = d0 ‖ d1 ‖ d2 with one
    /// bit per byte (3·(K + 4) bytes), exactly as <see cref="TurboEncoderReference.Encode"/> does.
    /// </summary>
    public void Encode(ReadOnlySpan<byte> packed, int k, Span<byte> d)
    {
        int bytes = k >> 3;
        int length = k + 4;
        if (packed.Length < bytes || d.Length < 3 * length)
        {
            throw new ArgumentException($"turbo encoder buffers too small for K = {k}: input {packed.Length} bytes (need {bytes}), output {d.Length} (need {3 * length}).");
        }

        (int f1, int f2) = TurboInterleaver.GetCoefficients(k);
        Span<byte> bits = _bits;
        Unpack(packed[..bytes], bits);
        int state1 = Rsc(packed[..bytes], _parity1);

        // Interleaved input c′_i = c_Π(i), gathered along Π(i + 1) = Π(i) + g(i), g(i + 1) = g(i) + 2·f2 (mod K).
        int pi = 0;
        int g = (f1 + f2) % k;
        int step = (2 * f2) % k;
        ref byte source = ref MemoryMarshal.GetArrayDataReference(_bits);
        for (int j = 0; j < bytes; j++)
        {
            int value = 0;
            for (int b = 0; b < 8; b++)
            {
                value = (value << 1) | Unsafe.Add(ref source, pi);
                pi += g;
                pi -= pi >= k ? k : 0;
                g += step;
                g -= g >= k ? k : 0;
            }

            _interleaved[j] = (byte)value;
        }

        int state2 = Rsc(_interleaved.AsSpan(0, bytes), _parity2);

        Span<byte> d0 = d.Slice(0, length);
        Span<byte> d1 = d.Slice(length, length);
        Span<byte> d2 = d.Slice(2 * length, length);
        bits[..k].CopyTo(d0);
        Unpack(_parity1.AsSpan(0, bytes), d1);
        Unpack(_parity2.AsSpan(0, bytes), d2);

        // Trellis termination (5.1.3.2.2): three steps whose input is the feedback D2 ⊕ D3, written as in the reference.
        Span<byte> tail = stackalloc byte[12];
        Terminate(state1, tail[..6]);
        Terminate(state2, tail[6..]);
        d0[k] = tail[0];
        d1[k] = tail[1];
        d2[k] = tail[2];
        d0[k + 1] = tail[3];
        d1[k + 1] = tail[4];
        d2[k + 1] = tail[5];
        d0[k + 2] = tail[6];
        d1[k + 2] = tail[7];
        d2[k + 2] = tail[8];
        d0[k + 3] = tail[9];
        d1[k + 3] = tail[10];
        d2[k + 3] = tail[11];
    }

    /// <summary>
    /// Eight bytes (0 or 1 each) → one byte, the first MSB: byte j of the little-endian word sits at bit 8j; multiplying
    /// by Σ 2^(63 − 9j) moves it to bit 63 − j, and every other product lands on a distinct bit below 56, so nothing
    /// carries into the top byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte PackEight(ref byte bits)
    {
        ulong word = Unsafe.ReadUnaligned<ulong>(ref bits);
        if (!BitConverter.IsLittleEndian)
        {
            word = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(word);
        }

        return (byte)((word * 0x8040201008040201UL) >> 56);
    }

    /// <summary>Packs <paramref name="bits"/> (0 or 1 each) MSB-first into ⌈n/8⌉ bytes, trailing bits 0.</summary>
    public static void Pack(ReadOnlySpan<byte> bits, Span<byte> packed)
    {
        int whole = bits.Length >> 3;
        ref byte source = ref MemoryMarshal.GetReference(bits);
        for (int i = 0; i < whole; i++)
        {
            packed[i] = PackEight(ref Unsafe.Add(ref source, i << 3));
        }

        int rest = bits.Length & 7;
        if (rest != 0)
        {
            int value = 0;
            for (int b = 0; b < rest; b++)
            {
                value |= (bits[(whole << 3) + b] & 1) << (7 - b);
            }

            packed[whole] = (byte)value;
        }
    }

    /// <summary>Unpacks every bit of <paramref name="packed"/> (MSB-first) into <paramref name="bits"/>, one byte each.</summary>
    public static void Unpack(ReadOnlySpan<byte> packed, Span<byte> bits)
    {
        if (bits.Length < packed.Length * 8)
        {
            throw new ArgumentException("bit buffer too small.", nameof(bits));
        }

        ref byte destination = ref MemoryMarshal.GetReference(bits);
        for (int i = 0; i < packed.Length; i++)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, i << 3), s_unpack[packed[i]]);
        }
    }

    /// <summary>Runs one RSC encoder over whole bytes from the zero state; returns the final state.</summary>
    private static int Rsc(ReadOnlySpan<byte> input, Span<byte> parity)
    {
        int state = 0;
        ushort[] table = s_rsc;
        for (int i = 0; i < input.Length; i++)
        {
            int entry = table[(state << 8) | input[i]];
            parity[i] = (byte)entry;
            state = entry >> 8;
        }

        return state;
    }

    /// <summary>Three termination steps from <paramref name="state"/>: (x, z) pairs.</summary>
    private static void Terminate(int state, Span<byte> tail)
    {
        int r1 = state & 1;
        int r2 = (state >> 1) & 1;
        int r3 = (state >> 2) & 1;
        for (int j = 0; j < 3; j++)
        {
            tail[2 * j] = (byte)(r2 ^ r3);
            tail[(2 * j) + 1] = (byte)(r1 ^ r3);
            r3 = r2;
            r2 = r1;
            r1 = 0;
        }
    }

    private static ushort[] BuildRscTable()
    {
        var table = new ushort[8 * 256];
        for (int state = 0; state < 8; state++)
        {
            for (int input = 0; input < 256; input++)
            {
                int r1 = state & 1;
                int r2 = (state >> 1) & 1;
                int r3 = (state >> 2) & 1;
                int parity = 0;
                for (int b = 7; b >= 0; b--)
                {
                    int a = ((input >> b) & 1) ^ r2 ^ r3;
                    parity = (parity << 1) | (a ^ r1 ^ r3);
                    r3 = r2;
                    r2 = r1;
                    r1 = a;
                }

                table[(state << 8) | input] = (ushort)(parity | ((r1 | (r2 << 1) | (r3 << 2)) << 8));
            }
        }

        return table;
    }

    private static ulong[] BuildUnpackTable()
    {
        // Memory order on a little-endian machine: byte j of the ulong (bits 8j..8j+7) is the j-th bit, MSB first.
        var table = new ulong[256];
        for (int value = 0; value < 256; value++)
        {
            ulong bits = 0;
            for (int j = 0; j < 8; j++)
            {
                bits |= (ulong)((value >> (7 - j)) & 1) << (8 * j);
            }

            table[value] = BitConverter.IsLittleEndian ? bits : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(bits);
        }

        return table;
    }
}
