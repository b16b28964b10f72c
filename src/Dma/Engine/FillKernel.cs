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
        const int V = 16;
        if (length < V)
        {
            FillSmall(destination, length, pattern);
            return;
        }

        Vector128<byte> first = Vector128.Create(pattern).AsByte();
        Vector128<byte> last = Vector128.Create(PatternAt(pattern, length - V)).AsByte();
        if (length <= 4 * V)
        {
            if (length > 2 * V)
            {
                // Offsets V and length - 2V need the same rotations as 0 and length - V (V is a multiple of 8).
                first.Store(destination + V);
                last.Store(destination + length - (2 * V));
            }

            first.Store(destination);
            last.Store(destination + length - V);
            return;
        }

        first.Store(destination);
        nuint i = V - ((nuint)destination & (V - 1));
        Vector128<byte> body = Vector128.Create(PatternAt(pattern, i)).AsByte();
        for (; i + (4 * V) <= length; i += 4 * V)
        {
            body.StoreAligned(destination + i);
            body.StoreAligned(destination + i + V);
            body.StoreAligned(destination + i + (2 * V));
            body.StoreAligned(destination + i + (3 * V));
        }

        // The last four vectors start at length - 4V, length - 3V, ...: offsets congruent to length mod 8.
        byte* tail = destination + length;
        last.Store(tail - (4 * V));
        last.Store(tail - (3 * V));
        last.Store(tail - (2 * V));
        last.Store(tail - V);
    }

    /// <summary>256-bit vectors.</summary>
    public static void Fill256(byte* destination, nuint length, ulong pattern)
    {
        const int V = 32;
        if (length < V)
        {
            Fill128(destination, length, pattern);
            return;
        }

        Vector256<byte> first = Vector256.Create(pattern).AsByte();
        Vector256<byte> last = Vector256.Create(PatternAt(pattern, length - V)).AsByte();
        if (length <= 4 * V)
        {
            if (length > 2 * V)
            {
                // Offsets V and length - 2V need the same rotations as 0 and length - V (V is a multiple of 8).
                first.Store(destination + V);
                last.Store(destination + length - (2 * V));
            }

            first.Store(destination);
            last.Store(destination + length - V);
            return;
        }

        first.Store(destination);
        nuint i = V - ((nuint)destination & (V - 1));
        Vector256<byte> body = Vector256.Create(PatternAt(pattern, i)).AsByte();
        for (; i + (4 * V) <= length; i += 4 * V)
        {
            body.StoreAligned(destination + i);
            body.StoreAligned(destination + i + V);
            body.StoreAligned(destination + i + (2 * V));
            body.StoreAligned(destination + i + (3 * V));
        }

        byte* tail = destination + length;
        last.Store(tail - (4 * V));
        last.Store(tail - (3 * V));
        last.Store(tail - (2 * V));
        last.Store(tail - V);
    }

    /// <summary>512-bit vectors (correct everywhere; fast only where <c>Vector512</c> is accelerated).</summary>
    public static void Fill512(byte* destination, nuint length, ulong pattern)
    {
        const int V = 64;
        if (length < V)
        {
            Fill256(destination, length, pattern);
            return;
        }

        Vector512<byte> first = Vector512.Create(pattern).AsByte();
        Vector512<byte> last = Vector512.Create(PatternAt(pattern, length - V)).AsByte();
        if (length <= 4 * V)
        {
            if (length > 2 * V)
            {
                // Offsets V and length - 2V need the same rotations as 0 and length - V (V is a multiple of 8).
                first.Store(destination + V);
                last.Store(destination + length - (2 * V));
            }

            first.Store(destination);
            last.Store(destination + length - V);
            return;
        }

        first.Store(destination);
        nuint i = V - ((nuint)destination & (V - 1));
        Vector512<byte> body = Vector512.Create(PatternAt(pattern, i)).AsByte();
        for (; i + (4 * V) <= length; i += 4 * V)
        {
            body.StoreAligned(destination + i);
            body.StoreAligned(destination + i + V);
            body.StoreAligned(destination + i + (2 * V));
            body.StoreAligned(destination + i + (3 * V));
        }

        byte* tail = destination + length;
        last.Store(tail - (4 * V));
        last.Store(tail - (3 * V));
        last.Store(tail - (2 * V));
        last.Store(tail - V);
    }
}
