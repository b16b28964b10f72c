using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AccelSdk.Dma.Engine;

/// <summary>
/// The fill engine's kernel: destination byte <c>i</c> becomes byte <c>i mod 8</c> of a 64-bit pattern as laid out
/// in memory (little-endian: the pattern's low byte first), DPDK's <c>rte_dma_fill</c> rule.
/// </summary>
/// <remarks>
/// Every vector holds the pattern repeated, rotated so that its byte 0 is the pattern byte for the offset it is stored
/// at: a store at offset <c>o</c> needs the pattern rotated right by <c>8 × (o mod 8)</c> bits. Offsets that differ by a
/// multiple of 8 share one rotation, so the loop uses one vector and only the first and last stores need their own.
/// The algorithm per width mirrors <see cref="CopyKernel"/>: small fills with overlapping 8-byte stores, up to four
/// vectors with overlapping first/last vectors, longer fills with aligned blocks of four vectors and an overlapping end.
/// </remarks>
internal static unsafe class FillKernel
{
    /// <summary>Fills with the best width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Fill(byte* destination, nuint length, ulong pattern) => Fill(destination, length, pattern, KernelWidths.Best);

    /// <summary>Fills with the given width (tests call every width).</summary>
    public static void Fill(byte* destination, nuint length, ulong pattern, KernelWidth width)
    {
        switch (KernelWidths.Resolve(width))
        {
            case KernelWidth.V512:
                Fill512(destination, length, pattern);
                break;
            case KernelWidth.V256:
                Fill256(destination, length, pattern);
                break;
            case KernelWidth.V128:
                Fill128(destination, length, pattern);
                break;
            default:
                FillScalar(destination, length, pattern);
                break;
        }
    }

    /// <summary>The reference: destination[i] = (byte)(pattern &gt;&gt; (8 × (i mod 8))).</summary>
    public static void FillScalar(byte* destination, nuint length, ulong pattern)
    {
        for (nuint i = 0; i < length; i++)
        {
            destination[i] = (byte)(pattern >> (int)(8 * (i % 8)));
        }
    }

    /// <summary>The pattern as it must be stored at <paramref name="offset"/>: rotated right by 8 × (offset mod 8) bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong PatternAt(ulong pattern, nuint offset) => BitOperations.RotateRight(pattern, (int)(8 * (offset & 7)));

    /// <summary>Fills fewer than 16 bytes: two overlapping 8-byte stores, or single bytes below 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FillSmall(byte* destination, nuint length, ulong pattern)
    {
        if (length >= 8)
        {
            Unsafe.WriteUnaligned(destination, pattern);
            Unsafe.WriteUnaligned(destination + length - 8, PatternAt(pattern, length - 8));
            return;
        }

        for (nuint i = 0; i < length; i++)
        {
            destination[i] = (byte)(pattern >> (int)(8 * i));
        }
    }

    /// <summary>128-bit vectors.</summary>
    public static void Fill128(byte* destination, nuint length, ulong pattern)
    {
        if (length < 16)
        {
            FillSmall(destination, length, pattern);
            return;
        }

        FillVectors<VectorWidth128, Vector128<byte>>(destination, length, pattern);
    }

    /// <summary>256-bit vectors; fills shorter than one vector take the 128-bit path.</summary>
    public static void Fill256(byte* destination, nuint length, ulong pattern)
    {
        if (length < 32)
        {
            Fill128(destination, length, pattern);
            return;
        }

        FillVectors<VectorWidth256, Vector256<byte>>(destination, length, pattern);
    }

    /// <summary>512-bit vectors (correct everywhere; fast only where <c>Vector512</c> is accelerated); fills shorter than one vector take the 256-bit path.</summary>
    public static void Fill512(byte* destination, nuint length, ulong pattern)
    {
        if (length < 64)
        {
            Fill256(destination, length, pattern);
            return;
        }

        FillVectors<VectorWidth512, Vector512<byte>>(destination, length, pattern);
    }

    /// <summary>The vector part of the algorithm for a fill of at least one vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FillVectors<TWidth, TVec>(byte* destination, nuint length, ulong pattern)
        where TWidth : struct, IVectorWidth<TVec>
        where TVec : struct
    {
        nuint v = (nuint)TWidth.Size;
        TVec first = TWidth.Broadcast(pattern);
        TVec last = TWidth.Broadcast(PatternAt(pattern, length - v));
        if (length <= 4 * v)
        {
            if (length > 2 * v)
            {
                // Offsets v and length - 2v need the same rotations as 0 and length - v (v is a multiple of 8).
                TWidth.Store(first, destination + v);
                TWidth.Store(last, destination + length - (2 * v));
            }

            TWidth.Store(first, destination);
            TWidth.Store(last, destination + length - v);
            return;
        }

        TWidth.Store(first, destination);
        nuint i = v - ((nuint)destination & (v - 1));
        TVec body = TWidth.Broadcast(PatternAt(pattern, i));
        for (; i + (4 * v) <= length; i += 4 * v)
        {
            TWidth.StoreAligned(body, destination + i);
            TWidth.StoreAligned(body, destination + i + v);
            TWidth.StoreAligned(body, destination + i + (2 * v));
            TWidth.StoreAligned(body, destination + i + (3 * v));
        }

        // The last four vectors start at length - 4v, length - 3v, ...: offsets congruent to length mod 8.
        byte* tail = destination + length;
        TWidth.Store(last, tail - (4 * v));
        TWidth.Store(last, tail - (3 * v));
        TWidth.Store(last, tail - (2 * v));
        TWidth.Store(last, tail - v);
    }
}
