using System.Runtime.InteropServices;
using AccelSdk.Core.Pools;

namespace AccelSdk.Core.Buffers;

/// <summary>
/// A pool of pinned, aligned <see cref="DataBuffer"/> segments carved out of native memory (DPDK's pktmbuf pool).
/// </summary>
/// <remarks>
/// All segments are allocated at creation in one block; renting and returning never allocate. Returning a segment
/// returns its whole chain. After <see cref="Dispose"/> the memory is freed and every span accessor throws
/// <see cref="ObjectDisposedException"/>.
/// </remarks>
public sealed unsafe class BufferPool : IDisposable
{
    private readonly OpPool<DataBuffer> _segments;
    private byte* _memory;
    private int _disposed;

    private BufferPool(BufferPoolOptions options)
    {
        Name = options.Name;
        RoomSize = options.RoomSize;
        Alignment = options.Alignment;
        nuint stride = (nuint)((options.RoomSize + options.Alignment - 1) & ~(options.Alignment - 1));
        nuint total = stride * (nuint)options.Count;
        _memory = (byte*)NativeMemory.AlignedAlloc(total, (nuint)options.Alignment);
        NativeMemory.Clear(_memory, total);
        MemoryBytes = (long)total;
        byte* memory = _memory;
        _segments = OpPool<DataBuffer>.Create(
            new OpPoolOptions { Name = options.Name, Count = options.Count, CacheSize = options.CacheSize },
            i => new DataBuffer(this, memory + (stride * (nuint)i), options.RoomSize, options.Headroom));
    }

    /// <summary>The pool's name.</summary>
    public string Name { get; }

    /// <summary>Data room bytes per segment.</summary>
    public int RoomSize { get; }

    /// <summary>Alignment of every data room in bytes.</summary>
    public int Alignment { get; }

    /// <summary>Number of segments the pool owns.</summary>
    public int Count => _segments.Size;

    /// <summary>Segments available to rent (snapshot).</summary>
    public int Available => _segments.Available;

    /// <summary>Native bytes the pool holds.</summary>
    public long MemoryBytes { get; }

    /// <summary>
    /// Address of the one native block that holds every segment (<see cref="MemoryBytes"/> long), so a driver can
    /// register the whole pool with a device's address space at once; 0 after <see cref="Dispose"/>.
    /// </summary>
    public nint MemoryAddress => (nint)_memory;

    /// <summary>Whether <see cref="Dispose"/> has run.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Creates a pool.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OutOfMemoryException">The native block could not be allocated.</exception>
    public static BufferPool Create(BufferPoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new BufferPool(options);
    }

    /// <summary>Rents one empty segment, or returns <see langword="null"/> when the pool is exhausted.</summary>
    public DataBuffer? Rent()
    {
        DataBuffer? segment = _segments.Get();
        if (segment is not null)
        {
            Prepare(segment);
        }

        return segment;
    }

    /// <summary>Rents up to <c>destination.Length</c> empty segments.</summary>
    /// <returns>How many were rented (a short count when the pool is exhausted).</returns>
    public int Rent(Span<DataBuffer> destination)
    {
        int got = _segments.Get(destination);
        foreach (DataBuffer segment in destination[..got])
        {
            Prepare(segment);
        }

        return got;
    }

    /// <summary>
    /// Rents a chain of segments with room for <paramref name="totalBytes"/> bytes after the headroom, or returns
    /// <see langword="null"/> (renting nothing) when the pool cannot supply enough segments.
    /// </summary>
    public DataBuffer? RentChain(int totalBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalBytes);
        DataBuffer? head = Rent();
        if (head is null)
        {
            return null;
        }

        int room = head.Capacity - head.DataOffset;
        DataBuffer last = head;
        while (room < totalBytes)
        {
            DataBuffer? next = Rent();
            if (next is null)
            {
                Return(head);
                return null;
            }

            last.Chain(next);
            last = next;
            room += next.Capacity - next.DataOffset;
        }

        return head;
    }

    /// <summary>Returns a segment and every segment chained after it.</summary>
    /// <exception cref="ArgumentException">A segment of the chain belongs to another pool.</exception>
    /// <exception cref="InvalidOperationException">A segment was not rented (returned twice).</exception>
    public void Return(DataBuffer segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        DataBuffer? current = segment;
        while (current is not null)
        {
            if (!ReferenceEquals(current.Pool, this))
            {
                throw new ArgumentException($"A segment of the chain belongs to pool '{current.Pool.Name}', not '{Name}'.", nameof(segment));
            }

            if (!current.Rented)
            {
                throw new InvalidOperationException($"A segment was returned to pool '{Name}' twice.");
            }

            DataBuffer? next = current.Unchain();
            current.Rented = false;
            _segments.Put(current);
            current = next;
        }
    }

    /// <summary>Frees the native memory. Segments still rented become unusable.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _segments.Dispose();
        NativeMemory.AlignedFree(_memory);
        _memory = null;
    }

    internal void ThrowIfDisposed()
    {
        if (_disposed != 0)
        {
            ThrowDisposed();
        }
    }

    private void ThrowDisposed() => throw new ObjectDisposedException(nameof(BufferPool), $"Buffer pool '{Name}' was disposed.");

    private static void Prepare(DataBuffer segment)
    {
        segment.Rented = true;
        segment.ClearNext();
        segment.Reset();
    }
}
