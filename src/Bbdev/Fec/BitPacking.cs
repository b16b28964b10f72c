using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Fec.Simd;

namespace AccelSdk.Bbdev.Fec;

/// <summary>
/// Conversions between bbdev's packed bit streams (MSB-first: bit 0 is 0x80 of byte 0, unused trailing bits 0) and
/// one byte per bit: 0/1 in the scalar references, 0x00/0xFF ("masks") in the vector kernels, whose top bit is what
/// a movemask collects.
/// </summary>
internal static class BitPacking
{
    /// <summary>bits[i] = bit i of <paramref name="packed"/> (0 or 1), for i &lt; bits.Length.</summary>
    public static void UnpackReference(ReadOnlySpan<byte> packed, Span<byte> bits)
    {
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = (byte)((packed[i >> 3] >> (7 - (i & 7))) & 1);
        }
    }

    /// <summary>Packs bits (0 or 1 each) into ceil(n/8) bytes, MSB-first, trailing bits 0.</summary>
    public static void PackReference(ReadOnlySpan<byte> bits, Span<byte> packed)
    {
        packed[..((bits.Length + 7) >> 3)].Clear();
        for (int i = 0; i < bits.Length; i++)
        {
            packed[i >> 3] |= (byte)((bits[i] & 1) << (7 - (i & 7)));
        }
    }

    /// <summary>The top bits of the 64 bytes at <paramref name="source"/> + <paramref name="offset"/>; bit i = byte i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MoveMask64<T>(ref byte source, nuint offset)
        where T : struct, IByteLanes<T>
    {
        if (T.Count == 64)
        {
            return T.MoveMask(T.Load(ref source, offset));
        }

        if (T.Count == 32)
        {
            return T.MoveMask(T.Load(ref source, offset)) | (T.MoveMask(T.Load(ref source, offset + 32)) << 32);
        }

        return T.MoveMask(T.Load(ref source, offset))
            | (T.MoveMask(T.Load(ref source, offset + 16)) << 16)
            | (T.MoveMask(T.Load(ref source, offset + 32)) << 32)
            | (T.MoveMask(T.Load(ref source, offset + 48)) << 48);
    }

    /// <summary>
    /// Packs <paramref name="bitCount"/> mask bytes (top bit = the bit) at <paramref name="source"/> into
    /// ceil(bitCount/8) bytes of <paramref name="packed"/>, MSB-first, trailing bits 0. Reads up to 63 bytes past
    /// the last bit (their values are ignored).
    /// </summary>
    public static void PackMasks<T>(ref byte source, int bitCount, Span<byte> packed)
        where T : struct, IByteLanes<T>
    {
        int words = bitCount >> 6;
        ref byte destination = ref MemoryMarshal.GetReference(packed);
        for (int w = 0; w < words; w++)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, w * 8), LittleEndian(MoveMask64<T>(ref source, (nuint)(w * 64))));
        }

        int tailBits = bitCount & 63;
        if (tailBits != 0)
        {
            ulong last = MoveMask64<T>(ref source, (nuint)(words * 64)) & ((1UL << tailBits) - 1);
            Span<byte> image = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(image, last);
            image[..((tailBits + 7) >> 3)].CopyTo(packed[(words * 8)..]);
        }

        ReverseBitsInBytes<T>(packed[..((bitCount + 7) >> 3)]);
    }

    /// <summary>
    /// Writes one mask byte per bit for bits [0, <paramref name="bitCount"/>) of <paramref name="packed"/> at
    /// <paramref name="destination"/>; may write up to one vector past the end (callers leave room).
    /// </summary>
    public static void UnpackToMasks<T>(ReadOnlySpan<byte> packed, int bitCount, ref byte destination)
        where T : struct, IByteLanes<T>
    {
        int count = T.Count;
        int i = 0;
        ref byte source = ref MemoryMarshal.GetReference(packed);

        // Whole vectors while the packed bytes they read exist.
        for (; i + count <= bitCount && (i + count) / 8 <= packed.Length; i += count)
        {
            T.Store(T.ExpandBits(ref Unsafe.Add(ref source, i >> 3)), ref destination, (nuint)i);
        }

        for (; i < bitCount; i++)
        {
            Unsafe.Add(ref destination, i) = (byte)(0 - ((packed[i >> 3] >> (7 - (i & 7))) & 1));
        }
    }

    /// <summary>Reverses the bit order inside every byte of <paramref name="bytes"/> in place.</summary>
    public static void ReverseBitsInBytes<T>(Span<byte> bytes)
        where T : struct, IByteLanes<T>
    {
        int count = T.Count;
        ref byte start = ref MemoryMarshal.GetReference(bytes);
        int i = 0;
        for (; i + count <= bytes.Length; i += count)
        {
            T.Store(T.ReverseBitsInBytes(T.Load(ref start, (nuint)i)), ref start, (nuint)i);
        }

        for (; i < bytes.Length; i++)
        {
            bytes[i] = ReverseBits(bytes[i]);
        }
    }

    /// <summary>The byte with its bit order reversed.</summary>
    public static byte ReverseBits(byte value)
    {
        uint v = value;
        v = ((v >> 1) & 0x55) | ((v & 0x55) << 1);
        v = ((v >> 2) & 0x33) | ((v & 0x33) << 2);
        return (byte)((v >> 4) | (v << 4));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LittleEndian(ulong value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
}
