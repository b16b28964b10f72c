using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Dma.Engine;

/// <summary>
/// The copy engine's kernel: moves <c>length</c> bytes from <c>source</c> to <c>destination</c> (blocks that do not
/// overlap, as DMA jobs are). One algorithm at every width:
/// <list type="number">
/// <item>below one vector, a few overlapping 8/4/2/1-byte moves;</item>
/// <item>up to four vectors, the first and last vectors (and the second and second-to-last), overlapping in the middle;</item>
/// <item>above that, the last four vectors are loaded first, one unaligned vector is stored at the start, then
/// whole blocks of four vectors go to vector-aligned destination addresses, and the saved last four vectors are
/// stored over the end (overlapping what the blocks wrote, with the same bytes).</item>
/// </list>
/// </summary>
/// <remarks>
/// Streaming (non-temporal) stores are an option of the 256-bit path for copies large enough that the destination
/// would only evict the cache (a DMA engine writes memory, not the CPU's cache, unless told otherwise with
/// <see cref="DmaOpFlags.Llc"/>); the kernel ends them with a store fence, so a completion published after the call
/// orders after the data.
/// </remarks>
internal static unsafe class CopyKernel
{
    /// <summary>Copies with the best width, streaming when <paramref name="stream"/> and the CPU supports it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(byte* source, byte* destination, nuint length, bool stream = false)
    {
        if (stream && Avx.IsSupported)
        {
            CopyStream256(source, destination, length);
            return;
        }

        Copy(source, destination, length, KernelWidths.Best);
    }

    /// <summary>Copies with the given width (tests call every width).</summary>
    public static void Copy(byte* source, byte* destination, nuint length, KernelWidth width)
    {
        switch (KernelWidths.Resolve(width))
        {
            case KernelWidth.V512:
                Copy512(source, destination, length);
                break;
            case KernelWidth.V256:
                Copy256(source, destination, length);
                break;
            case KernelWidth.V128:
                Copy128(source, destination, length);
                break;
            default:
                CopyScalar(source, destination, length);
                break;
        }
    }

    /// <summary>The reference: destination[i] = source[i] for i in [0, length).</summary>
    public static void CopyScalar(byte* source, byte* destination, nuint length)
    {
        for (nuint i = 0; i < length; i++)
        {
            destination[i] = source[i];
        }
    }

    /// <summary>Copies fewer than 16 bytes with overlapping 8/4/2/1-byte moves (every width's step 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopySmall(byte* source, byte* destination, nuint length)
    {
        if (length >= 8)
        {
            ulong head = Unsafe.ReadUnaligned<ulong>(source);
            ulong tail = Unsafe.ReadUnaligned<ulong>(source + length - 8);
            Unsafe.WriteUnaligned(destination, head);
            Unsafe.WriteUnaligned(destination + length - 8, tail);
        }
        else if (length >= 4)
        {
            uint head = Unsafe.ReadUnaligned<uint>(source);
            uint tail = Unsafe.ReadUnaligned<uint>(source + length - 4);
            Unsafe.WriteUnaligned(destination, head);
            Unsafe.WriteUnaligned(destination + length - 4, tail);
        }
        else if (length >= 2)
        {
            ushort head = Unsafe.ReadUnaligned<ushort>(source);
            ushort tail = Unsafe.ReadUnaligned<ushort>(source + length - 2);
            Unsafe.WriteUnaligned(destination, head);
            Unsafe.WriteUnaligned(destination + length - 2, tail);
        }
        else if (length == 1)
        {
            *destination = *source;
        }
    }

    /// <summary>128-bit vectors.</summary>
    public static void Copy128(byte* source, byte* destination, nuint length)
    {
        if (length < 16)
        {
            CopySmall(source, destination, length);
            return;
        }

        CopyVectors<VectorWidth128, Vector128<byte>>(source, destination, length);
    }

    /// <summary>256-bit vectors; copies shorter than one vector take the 128-bit path.</summary>
    public static void Copy256(byte* source, byte* destination, nuint length)
    {
        if (length < 32)
        {
            Copy128(source, destination, length);
            return;
        }

        CopyVectors<VectorWidth256, Vector256<byte>>(source, destination, length);
    }

    /// <summary>512-bit vectors (correct everywhere; fast only where <c>Vector512</c> is accelerated); copies shorter than one vector take the 256-bit path.</summary>
    public static void Copy512(byte* source, byte* destination, nuint length)
    {
        if (length < 64)
        {
            Copy256(source, destination, length);
            return;
        }

        CopyVectors<VectorWidth512, Vector512<byte>>(source, destination, length);
    }

    /// <summary>Steps 2 and 3 of the algorithm for a copy of at least one vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyVectors<TWidth, TVec>(byte* source, byte* destination, nuint length)
        where TWidth : struct, IVectorWidth<TVec>
        where TVec : struct
    {
        nuint v = (nuint)TWidth.Size;
        if (length <= 4 * v)
        {
            TVec first = TWidth.Load(source);
            TVec last = TWidth.Load(source + length - v);
            if (length > 2 * v)
            {
                TVec second = TWidth.Load(source + v);
                TVec beforeLast = TWidth.Load(source + length - (2 * v));
                TWidth.Store(second, destination + v);
                TWidth.Store(beforeLast, destination + length - (2 * v));
            }

            TWidth.Store(first, destination);
            TWidth.Store(last, destination + length - v);
            return;
        }

        byte* end = source + length;
        TVec t0 = TWidth.Load(end - (4 * v));
        TVec t1 = TWidth.Load(end - (3 * v));
        TVec t2 = TWidth.Load(end - (2 * v));
        TVec t3 = TWidth.Load(end - v);
        TWidth.Store(TWidth.Load(source), destination);
        nuint i = v - ((nuint)destination & (v - 1));
        for (; i + (4 * v) <= length; i += 4 * v)
        {
            TVec a = TWidth.Load(source + i);
            TVec b = TWidth.Load(source + i + v);
            TVec c = TWidth.Load(source + i + (2 * v));
            TVec d = TWidth.Load(source + i + (3 * v));
            TWidth.StoreAligned(a, destination + i);
            TWidth.StoreAligned(b, destination + i + v);
            TWidth.StoreAligned(c, destination + i + (2 * v));
            TWidth.StoreAligned(d, destination + i + (3 * v));
        }

        byte* tail = destination + length;
        TWidth.Store(t0, tail - (4 * v));
        TWidth.Store(t1, tail - (3 * v));
        TWidth.Store(t2, tail - (2 * v));
        TWidth.Store(t3, tail - v);
    }

    /// <summary>
    /// The 256-bit algorithm with streaming stores for the aligned blocks (AVX), then a store fence. Falls back to
    /// <see cref="Copy256"/> where AVX is missing or the copy is too short to have whole blocks.
    /// </summary>
    public static void CopyStream256(byte* source, byte* destination, nuint length)
    {
        const int V = 32;
        if (!Avx.IsSupported || length <= 8 * V)
        {
            Copy256(source, destination, length);
            return;
        }

        byte* end = source + length;
        Vector256<byte> t0 = Vector256.Load(end - (4 * V));
        Vector256<byte> t1 = Vector256.Load(end - (3 * V));
        Vector256<byte> t2 = Vector256.Load(end - (2 * V));
        Vector256<byte> t3 = Vector256.Load(end - V);
        Vector256.Load(source).Store(destination);
        nuint i = V - ((nuint)destination & (V - 1));
        for (; i + (4 * V) <= length; i += 4 * V)
        {
            Vector256<byte> a = Vector256.Load(source + i);
            Vector256<byte> b = Vector256.Load(source + i + V);
            Vector256<byte> c = Vector256.Load(source + i + (2 * V));
            Vector256<byte> d = Vector256.Load(source + i + (3 * V));
            Avx.StoreAlignedNonTemporal(destination + i, a);
            Avx.StoreAlignedNonTemporal(destination + i + V, b);
            Avx.StoreAlignedNonTemporal(destination + i + (2 * V), c);
            Avx.StoreAlignedNonTemporal(destination + i + (3 * V), d);
        }

        byte* tail = destination + length;
        t0.Store(tail - (4 * V));
        t1.Store(tail - (3 * V));
        t2.Store(tail - (2 * V));
        t3.Store(tail - V);

        // Streaming stores are weakly ordered: fence them before anyone publishes "done" with an ordinary store.
        Sse.StoreFence();
    }
}
