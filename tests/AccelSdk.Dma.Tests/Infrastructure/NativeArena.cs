using System.Runtime.InteropServices;

namespace AccelSdk.Dma.Tests.Infrastructure;

/// <summary>A pinned, page-aligned native block handed out by a bump allocator, for DMA test buffers.</summary>
internal sealed unsafe class NativeArena : IDisposable
{
    private readonly byte* _base;
    private long _used;

    /// <param name="size">Bytes.</param>
    /// <param name="clear">Whether to zero the block (tests that read untouched bytes need it; big arenas skip the cost).</param>
    public NativeArena(long size, bool clear = true)
    {
        Size = size;
        _base = (byte*)NativeMemory.AlignedAlloc((nuint)size, 4096);
        if (clear)
        {
            NativeMemory.Clear(_base, (nuint)size);
        }
    }

    public nint Address => (nint)_base;

    public long Size { get; }

    /// <summary>Takes <paramref name="length"/> bytes at the given alignment.</summary>
    public nint Allocate(long length, int alignment = 64)
    {
        long at = (_used + alignment - 1) & ~(long)(alignment - 1);
        if (at + length > Size)
        {
            throw new InvalidOperationException($"The test arena of {Size} bytes is exhausted (asked {length} at {at}).");
        }

        _used = at + length;
        return (nint)(_base + at);
    }

    public static Span<byte> Span(nint address, int length) => new((void*)address, length);

    public void Dispose() => NativeMemory.AlignedFree(_base);
}
