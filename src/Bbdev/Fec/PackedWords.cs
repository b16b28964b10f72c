using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using AccelSdk.Bbdev.Fec.Simd;

namespace AccelSdk.Bbdev.Fec;

/// <summary>
/// Bit streams held in 64-bit words MSB-first (stream bit 64·i + j is bit 63 − j of word i), the layout of the
/// packed-bit kernels: a bbdev byte stream read as big-endian words is exactly this, and a window of 64 stream bits
/// at any offset is two loads and a funnel shift.
/// </summary>
internal static class PackedWords
{
    /// <summary>The 64 stream bits starting at <paramref name="bitOffset"/>; reads words i and i + 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read(ref ulong words, long bitOffset)
    {
        nint index = (nint)(bitOffset >> 6);
        int shift = (int)(bitOffset & 63);
        ulong high = Unsafe.Add(ref words, index);
        ulong low = Unsafe.Add(ref words, index + 1);
        return (high << shift) | ((low >> 1) >> (63 - shift));
    }

    /// <summary>ORs the 64 bits of <paramref name="value"/> into the stream at <paramref name="bitOffset"/> (touches words i and i + 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void OrAt(ref ulong words, long bitOffset, ulong value)
    {
        nint index = (nint)(bitOffset >> 6);
        int shift = (int)(bitOffset & 63);
        Unsafe.Add(ref words, index) |= value >> shift;
        Unsafe.Add(ref words, index + 1) |= (value << 1) << (63 - shift);
    }

    /// <summary>A word with its first <paramref name="count"/> (1..64) stream bits set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong KeepFirst(int count) => ~((~0UL >> 1) >> (count - 1));

    /// <summary>
    /// ORs <paramref name="count"/> bits of <paramref name="source"/> from <paramref name="sourceOffset"/> into
    /// <paramref name="destination"/> at <paramref name="destinationOffset"/>, whose bits there must be 0. Reads one
    /// word past the source bits and writes one word past the destination bits (ORing zeros).
    /// </summary>
    public static void CopyBits(ref ulong destination, long destinationOffset, ref ulong source, long sourceOffset, long count)
    {
        long k = 0;
        if (((destinationOffset | sourceOffset) & 63) == 0)
        {
            // Both word-aligned (Zc a multiple of 64, K′ a multiple of 64): whole words.
            ref ulong to = ref Unsafe.Add(ref destination, (nint)(destinationOffset >> 6));
            ref ulong from = ref Unsafe.Add(ref source, (nint)(sourceOffset >> 6));
            nint word = 0;
            for (; k + 64 <= count; k += 64, word++)
            {
                Unsafe.Add(ref to, word) |= Unsafe.Add(ref from, word);
            }

            if (k < count)
            {
                Unsafe.Add(ref to, word) |= Unsafe.Add(ref from, word) & KeepFirst((int)(count - k));
            }

            return;
        }

        for (; k + 64 <= count; k += 64)
        {
            OrAt(ref destination, destinationOffset + k, Read(ref source, sourceOffset + k));
        }

        if (k < count)
        {
            OrAt(ref destination, destinationOffset + k, Read(ref source, sourceOffset + k) & KeepFirst((int)(count - k)));
        }
    }

    /// <summary>
    /// Copies <paramref name="count"/> bits of <paramref name="source"/> from <paramref name="sourceOffset"/> to
    /// <paramref name="destination"/> at <paramref name="destinationOffset"/>, streaming: the destination bits before
    /// the offset in its first word are kept, the bits after the copy in its last word become 0, and whole words
    /// in between are written with vector funnel shifts. Appending regions in increasing order therefore needs no
    /// cleared buffer. Reads up to one vector plus one word past the source bits.
    /// </summary>
    public static void Copy<T>(ref ulong destination, long destinationOffset, ref ulong source, long sourceOffset, long count)
        where T : struct, IWordLanes<T>
    {
        if (count <= 0)
        {
            return;
        }

        int lead = (int)(destinationOffset & 63);
        if (lead != 0)
        {
            // The first, shared word: keep its first `lead` bits, then up to 64 − lead copied bits, then zeros.
            int take = (int)Math.Min(64 - lead, count);
            ref ulong first = ref Unsafe.Add(ref destination, (nint)(destinationOffset >> 6));
            first = (first & KeepFirst(lead)) | ((Read(ref source, sourceOffset) & KeepFirst(take)) >> lead);
            destinationOffset += take;
            sourceOffset += take;
            count -= take;
        }

        // Whole destination words: word j is the 64 source bits at sourceOffset + 64·j, one funnel shift per vector.
        ref ulong to = ref Unsafe.Add(ref destination, (nint)(destinationOffset >> 6));
        ref ulong from = ref Unsafe.Add(ref source, (nint)(sourceOffset >> 6));
        int shift = (int)(sourceOffset & 63);
        Vector128<ulong> left = Vector128.CreateScalar((ulong)shift);
        Vector128<ulong> right = Vector128.CreateScalar((ulong)(64 - shift));
        long whole = count >> 6;
        nint lanes = T.Count;
        nint j = 0;
        for (; j + lanes <= whole; j += lanes)
        {
            T.Store(T.Funnel(T.Load(ref from, (nuint)j), T.Load(ref from, (nuint)j + 1), left, right), ref to, (nuint)j);
        }

        for (; j < whole; j++)
        {
            Unsafe.Add(ref to, j) = Read(ref from, shift + (64L * j));
        }

        int rest = (int)(count & 63);
        if (rest != 0)
        {
            Unsafe.Add(ref to, j) = Read(ref from, shift + (64L * j)) & KeepFirst(rest);
        }
    }

    /// <summary>Words from packed bytes: word i = bytes [8i, 8i + 8) big-endian, missing bytes 0.</summary>
    public static void FromBytes(ReadOnlySpan<byte> bytes, Span<ulong> words)
    {
        int whole = bytes.Length >> 3;
        for (int i = 0; i < whole; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt64BigEndian(bytes[(i * 8)..]);
        }

        if ((bytes.Length & 7) != 0)
        {
            Span<byte> last = stackalloc byte[8];
            last.Clear();
            bytes[(whole * 8)..].CopyTo(last);
            words[whole++] = BinaryPrimitives.ReadUInt64BigEndian(last);
        }
    }

    /// <summary>The first <paramref name="bitCount"/> stream bits as ceil(bitCount/8) bytes, unused trailing bits 0.</summary>
    public static void ToBytes(ReadOnlySpan<ulong> words, int bitCount, Span<byte> bytes)
    {
        int whole = bitCount >> 6;
        for (int i = 0; i < whole; i++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(bytes[(i * 8)..], words[i]);
        }

        int tail = bitCount & 63;
        if (tail != 0)
        {
            Span<byte> last = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(last, words[whole] & KeepFirst(tail));
            last[..((tail + 7) >> 3)].CopyTo(bytes[(whole * 8)..]);
        }
    }
}
