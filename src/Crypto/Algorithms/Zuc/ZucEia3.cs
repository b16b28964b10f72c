using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Crypto.Algorithms.Zuc;

/// <summary>
/// 128-EIA3 / 128-NIA3 integrity (ETSI/SAGE 128-EEA3 &amp; 128-EIA3 Document 1, chapter 4) and the ZUC-256 MAC of
/// the 2018 paper (tags of 32, 64 or 128 bits). Both XOR, for every set message bit i, the keystream window that
/// starts at bit i (offset by the tag length for ZUC-256), then add a final window.
/// </summary>
/// <remarks>
/// The fast path handles 32 message bits at once. With K the 64 keystream bits starting at the word's first bit and
/// M the message word bit-reversed (so that message bit j has weight 2^j), the XOR of the windows selected by the
/// word is bits 32..63 of the carry-less product K·M, because the window at bit j is bits 32..63 of K·2^j. One
/// PCLMULQDQ per 32 message bits and per 32 tag bits.
/// </remarks>
internal static class ZucEia3
{
    private const int Chunk = 64;

    /// <summary>Computes the MAC over the first <paramref name="bitLength"/> bits of <paramref name="message"/>.</summary>
    /// <param name="key">16 bytes (128-EIA3) or 32 bytes (ZUC-256).</param>
    /// <param name="iv">16 or 25 bytes to match.</param>
    /// <param name="message">The message, from bit 0.</param>
    /// <param name="bitLength">Message length in bits.</param>
    /// <param name="mac">4 bytes for ZUC-128; 4, 8 or 16 for ZUC-256.</param>
    /// <param name="useClmul">Use PCLMULQDQ where supported; false runs the bit-serial definition.</param>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> message, long bitLength, Span<byte> mac, bool useClmul = true)
    {
        bool zuc256 = key.Length == 32;
        int tagWords = mac.Length / 4;
        var generator = default(ZucGenerator);
        if (zuc256)
        {
            generator.Initialize256(key, iv, tagWords switch { 1 => ZucTables.D256Mac32, 2 => ZucTables.D256Mac64, _ => ZucTables.D256Mac128 });
        }
        else
        {
            generator.Initialize128(key, iv);
        }

        // Keystream words kept in a sliding buffer: words [base, base + capacity) are present. A message word w needs
        // words w + offset .. w + offset + tagWords, offset = tagWords for ZUC-256 (the windows start after the
        // initial tag) and 0 for ZUC-128.
        int offset = zuc256 ? tagWords : 0;
        int keep = offset + tagWords + 2;
        Span<uint> z = stackalloc uint[Chunk + keep];

        // Short messages need only a few keystream words: generate exactly those (ZUC costs ~15 ns a word).
        long needed = Math.Max(((bitLength + 64 + 31) >> 5) + 1, ((bitLength + (offset * 32L)) >> 5) + tagWords + 2);
        if (needed < z.Length)
        {
            z = z[..(int)needed];
        }

        generator.Generate(z);
        long baseWord = 0;
        Span<uint> tag = stackalloc uint[4];
        tag.Clear();
        if (zuc256)
        {
            // The ZUC-256 tag starts as the first t keystream bits.
            z[..tagWords].CopyTo(tag);
        }

        bool clmul = useClmul && Pclmulqdq.IsSupported;
        long messageWords = (bitLength + 31) >> 5;
        long wholeWords = bitLength >> 5;
        long w = 0;
        while (w < messageWords)
        {
            if (w + offset + tagWords + 1 - baseWord >= z.Length)
            {
                Slide(ref generator, z, keep, ref baseWord);
            }

            // Words [w, end) have their keystream in the buffer: no slide check inside.
            long end = Math.Min(messageWords, baseWord + z.Length - offset - tagWords - 1);
            if (clmul && tagWords == 1)
            {
                // 128-EIA3 fast path: whole message words, one carry-less multiply each.
                ref uint zr = ref MemoryMarshal.GetReference(z);
                ref byte mr = ref MemoryMarshal.GetReference(message);
                uint t0 = tag[0];
                long fastEnd = Math.Min(end, wholeWords);
                for (; w < fastEnd; w++)
                {
                    uint m = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref mr, (nint)(w * 4))));
                    int local = (int)(w + offset - baseWord);
                    ulong k = ((ulong)Unsafe.Add(ref zr, local) << 32) | Unsafe.Add(ref zr, local + 1);
                    ulong product = Pclmulqdq.CarrylessMultiply(Vector128.CreateScalarUnsafe(k), Vector128.CreateScalarUnsafe((ulong)ReverseBits(m)), 0x00).ToScalar();
                    t0 ^= (uint)(product >> 32);
                }

                tag[0] = t0;
            }

            for (; w < end; w++)
            {
                uint m = ReadWord(message, w, bitLength);
                if (m == 0)
                {
                    continue;
                }

                int local = (int)(w + offset - baseWord);
                for (int k = 0; k < tagWords; k++)
                {
                    tag[k] ^= WindowsOf(m, z[local + k], z[local + k + 1], clmul);
                }
            }
        }

        // Final window at bit L (+ t for ZUC-256); ZUC-128 also XORs the word z[L − 1], L = ⌈(LENGTH + 64) / 32⌉.
        long finalBit = bitLength + (offset * 32L);
        long lastWord = zuc256 ? (finalBit >> 5) + tagWords : ((bitLength + 64 + 31) >> 5) - 1;
        while (lastWord - baseWord >= z.Length || (finalBit >> 5) + tagWords - baseWord >= z.Length)
        {
            Slide(ref generator, z, keep, ref baseWord);
        }

        for (int k = 0; k < tagWords; k++)
        {
            tag[k] ^= Window(z, (finalBit + (32L * k)) - (baseWord * 32));
        }

        if (!zuc256)
        {
            tag[0] ^= z[(int)(lastWord - baseWord)];
        }

        for (int k = 0; k < tagWords; k++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(mac[(4 * k)..], tag[k]);
        }
    }

    /// <summary>
    /// The MAC by the definition, bit by bit over a fully generated keystream (for reading and as the test oracle).
    /// </summary>
    public static void ComputeReference(ReadOnlySpan<uint> keystream, ReadOnlySpan<byte> message, long bitLength, int tagBits, bool zuc256, Span<byte> mac)
    {
        int tagWords = tagBits / 32;
        Span<uint> tag = stackalloc uint[4];
        tag.Clear();
        int start = zuc256 ? tagBits : 0;
        if (zuc256)
        {
            for (int k = 0; k < tagWords; k++)
            {
                tag[k] = keystream[k];
            }
        }

        for (long i = 0; i < bitLength; i++)
        {
            if (((message[(int)(i >> 3)] >> (7 - (int)(i & 7))) & 1) != 0)
            {
                for (int k = 0; k < tagWords; k++)
                {
                    tag[k] ^= Window(keystream, start + i + (32L * k));
                }
            }
        }

        for (int k = 0; k < tagWords; k++)
        {
            tag[k] ^= Window(keystream, bitLength + start + (32L * k));
        }

        if (!zuc256)
        {
            tag[0] ^= keystream[(int)(((bitLength + 64 + 31) >> 5) - 1)];
        }

        for (int k = 0; k < tagWords; k++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(mac[(4 * k)..], tag[k]);
        }
    }

    /// <summary>Keystream bits [bit, bit + 32) as a word.</summary>
    private static uint Window(ReadOnlySpan<uint> z, long bit)
    {
        int word = (int)(bit >> 5);
        int shift = (int)(bit & 31);
        return shift == 0 ? z[word] : (z[word] << shift) | (z[word + 1] >> (32 - shift));
    }

    /// <summary>XOR of the 32-bit windows of <c>hi ‖ lo</c> at every set bit of the message word (bit 0 = MSB).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint WindowsOf(uint message, uint hi, uint lo, bool clmul)
    {
        ulong k = ((ulong)hi << 32) | lo;
        if (clmul)
        {
            ulong m = ReverseBits(message);
            ulong product = Pclmulqdq.CarrylessMultiply(Vector128.CreateScalarUnsafe(k), Vector128.CreateScalarUnsafe(m), 0x00).ToScalar();
            return (uint)(product >> 32);
        }

        uint sum = 0;
        for (int j = 0; j < 32; j++)
        {
            if (((message >> (31 - j)) & 1) != 0)
            {
                sum ^= (uint)(k >> (32 - j));
            }
        }

        return sum;
    }

    /// <summary>Message word w (bits 32w .. 32w + 31, MSB first); bits at or after <paramref name="bitLength"/> are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadWord(ReadOnlySpan<byte> message, long w, long bitLength)
    {
        int at = (int)(w * 4);
        uint value;
        if (at + 4 <= message.Length)
        {
            value = BinaryPrimitives.ReadUInt32BigEndian(message[at..]);
        }
        else
        {
            value = 0;
            for (int i = 0; i < 4 && at + i < message.Length; i++)
            {
                value |= (uint)message[at + i] << (24 - (8 * i));
            }
        }

        long remaining = bitLength - (w * 32);
        return remaining >= 32 ? value : value & ~(uint.MaxValue >> (int)remaining);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReverseBits(uint value)
    {
        value = ((value >> 1) & 0x5555_5555) | ((value & 0x5555_5555) << 1);
        value = ((value >> 2) & 0x3333_3333) | ((value & 0x3333_3333) << 2);
        value = ((value >> 4) & 0x0F0F_0F0F) | ((value & 0x0F0F_0F0F) << 4);
        return BinaryPrimitives.ReverseEndianness(value);
    }

    private static void Slide(ref ZucGenerator generator, Span<uint> z, int keep, ref long baseWord)
    {
        // Keep the last `keep` words (still needed as lookahead), refill the rest.
        int drop = z.Length - keep;
        z[drop..].CopyTo(z);
        generator.Generate(z[keep..]);
        baseWord += drop;
    }
}
