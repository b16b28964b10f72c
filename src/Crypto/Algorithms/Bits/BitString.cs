using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AccelSdk.Crypto.Algorithms.Bits;

/// <summary>
/// Bit-string helpers for the bit-oriented 3GPP algorithms. Bits are numbered MSB first: bit 0 of a buffer is the
/// most significant bit of its first byte (TS 35.201 / 35.215 convention, and DPDK's bit offsets).
/// </summary>
internal static class BitString
{
    /// <summary>
    /// XORs the first <paramref name="bitLength"/> bits of <paramref name="keystream"/> into <paramref name="data"/>
    /// starting at data bit <paramref name="bitOffset"/>. Every other bit of <paramref name="data"/> is left as it was,
    /// including the bits that share a byte with the range.
    /// </summary>
    /// <remarks>The keystream must hold at least ⌈bitLength / 8⌉ bytes.</remarks>
    public static void XorKeystream(Span<byte> data, long bitOffset, long bitLength, ReadOnlySpan<byte> keystream)
    {
        if (bitLength <= 0)
        {
            return;
        }

        int start = (int)(bitOffset >> 3);
        int shift = (int)(bitOffset & 7);
        if (shift == 0)
        {
            int whole = (int)(bitLength >> 3);
            int rest = (int)(bitLength & 7);
            Xor(data.Slice(start, whole), keystream[..whole]);
            if (rest != 0)
            {
                data[start + whole] ^= (byte)(keystream[whole] & (0xFF << (8 - rest)));
            }

            return;
        }

        // Unaligned: output byte j takes the low `shift` bits of keystream byte j-1 and the high 8-shift bits of byte j.
        int keyBytes = (int)((bitLength + 7) >> 3);
        int outBytes = (int)((shift + bitLength + 7) >> 3);
        int endBits = (int)((shift + bitLength) & 7);
        Span<byte> target = data.Slice(start, outBytes);
        int previous = 0;
        for (int j = 0; j < outBytes; j++)
        {
            int current = j < keyBytes ? keystream[j] : 0;
            int value = ((previous << (8 - shift)) | (current >> shift)) & 0xFF;
            if (j == 0)
            {
                value &= 0xFF >> shift;
            }

            if (j == outBytes - 1 && endBits != 0)
            {
                value &= 0xFF << (8 - endBits);
            }

            target[j] ^= (byte)value;
            previous = current;
        }
    }

    /// <summary>
    /// Copies <paramref name="bitLength"/> bits starting at bit <paramref name="sourceBitOffset"/> of
    /// <paramref name="source"/> to the start of <paramref name="destination"/>; the unused low bits of the last
    /// destination byte are zero.
    /// </summary>
    public static void CopyBits(ReadOnlySpan<byte> source, long sourceBitOffset, Span<byte> destination, long bitLength)
    {
        if (bitLength <= 0)
        {
            return;
        }

        int start = (int)(sourceBitOffset >> 3);
        int shift = (int)(sourceBitOffset & 7);
        int outBytes = (int)((bitLength + 7) >> 3);
        if (shift == 0)
        {
            source.Slice(start, outBytes).CopyTo(destination);
        }
        else
        {
            for (int j = 0; j < outBytes; j++)
            {
                int high = source[start + j] << shift;
                int low = start + j + 1 < source.Length ? source[start + j + 1] >> (8 - shift) : 0;
                destination[j] = (byte)(high | low);
            }
        }

        int rest = (int)(bitLength & 7);
        if (rest != 0)
        {
            destination[outBytes - 1] &= (byte)(0xFF << (8 - rest));
        }
    }

    /// <summary>Number of whole bytes that hold bits [<paramref name="bitOffset"/>, <paramref name="bitOffset"/> + <paramref name="bitLength"/>).</summary>
    public static int ByteEnd(long bitOffset, long bitLength) => (int)((bitOffset + bitLength + 7) >> 3);

    /// <summary>XORs <paramref name="source"/> into <paramref name="destination"/> (same length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Xor(Span<byte> destination, ReadOnlySpan<byte> source)
    {
        int length = destination.Length;
        ref byte d = ref MemoryMarshal.GetReference(destination);
        ref byte s = ref MemoryMarshal.GetReference(source);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 32 <= length; i += 32)
            {
                (Vector256.LoadUnsafe(ref d, (nuint)i) ^ Vector256.LoadUnsafe(ref s, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 16 <= length; i += 16)
            {
                (Vector128.LoadUnsafe(ref d, (nuint)i) ^ Vector128.LoadUnsafe(ref s, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i + 8 <= length; i += 8)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, i),
                Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref d, i)) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref s, i)));
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref d, i) ^= Unsafe.Add(ref s, i);
        }
    }
}
