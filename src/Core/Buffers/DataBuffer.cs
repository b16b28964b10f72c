namespace AccelSdk.Core.Buffers;

/// <summary>
/// One segment of pinned, aligned native memory, chained like a DPDK <c>rte_mbuf</c>: a data room, a data offset
/// and length inside it, and an optional next segment. Rent segments from a <see cref="BufferPool"/>.
/// </summary>
/// <remarks>
/// The memory never moves, so <see cref="Address"/> can be handed to a device. The design assumes shared virtual
/// addressing, so the IOVA a device uses is the process virtual address (<see cref="Iova"/>). Spans returned by
/// <see cref="Data"/> and friends are valid until the segment is returned to its pool.
/// </remarks>
public sealed unsafe class DataBuffer
{
    private readonly BufferPool _pool;
    private int _dataOffset;
    private int _dataLength;

    internal DataBuffer(BufferPool pool, byte* room, int capacity, int headroom)
    {
        _pool = pool;
        RoomPointer = room;
        Capacity = capacity;
        Headroom = headroom;
        _dataOffset = headroom;
    }

    /// <summary>The pool this segment belongs to.</summary>
    public BufferPool Pool => _pool;

    /// <summary>Address of the first byte of the data room (aligned as the pool was configured).</summary>
    public nint Address => (nint)RoomPointer;

    /// <summary>The I/O virtual address a device uses for the data room: the process address under SVA.</summary>
    public ulong Iova => (ulong)RoomPointer;

    /// <summary>Size of the data room in bytes.</summary>
    public int Capacity { get; }

    /// <summary>The data offset a reset segment starts with.</summary>
    public int Headroom { get; }

    /// <summary>Offset of the first data byte inside the room, in [0, <see cref="Capacity"/>].</summary>
    public int DataOffset
    {
        get => _dataOffset;
        set
        {
            ThrowHelper.ThrowIfOutOfRange(value, 0, Capacity - _dataLength, nameof(DataOffset));
            _dataOffset = value;
        }
    }

    /// <summary>Number of data bytes in this segment, in [0, <see cref="Capacity"/> − <see cref="DataOffset"/>].</summary>
    public int DataLength
    {
        get => _dataLength;
        set
        {
            ThrowHelper.ThrowIfOutOfRange(value, 0, Capacity - _dataOffset, nameof(DataLength));
            _dataLength = value;
        }
    }

    /// <summary>Bytes free after the data: <see cref="Capacity"/> − <see cref="DataOffset"/> − <see cref="DataLength"/>.</summary>
    public int Tailroom => Capacity - _dataOffset - _dataLength;

    /// <summary>The next segment of the chain, or <see langword="null"/>.</summary>
    public DataBuffer? Next { get; private set; }

    /// <summary>Number of segments from this one to the end of the chain.</summary>
    public int SegmentCount
    {
        get
        {
            int count = 0;
            for (DataBuffer? segment = this; segment is not null; segment = segment.Next)
            {
                count++;
            }

            return count;
        }
    }

    /// <summary>Sum of <see cref="DataLength"/> over this segment and those chained after it (DPDK's <c>pkt_len</c>).</summary>
    public int TotalLength
    {
        get
        {
            int total = 0;
            for (DataBuffer? segment = this; segment is not null; segment = segment.Next)
            {
                total += segment._dataLength;
            }

            return total;
        }
    }

    /// <summary>The data bytes of this segment.</summary>
    public Span<byte> Data
    {
        get
        {
            _pool.ThrowIfDisposed();
            return new Span<byte>(RoomPointer + _dataOffset, _dataLength);
        }
    }

    /// <summary>The whole data room, regardless of offset and length.</summary>
    public Span<byte> Room
    {
        get
        {
            _pool.ThrowIfDisposed();
            return new Span<byte>(RoomPointer, Capacity);
        }
    }

    internal byte* RoomPointer { get; }

    internal bool Rented { get; set; }

    /// <summary>Extends the data by <paramref name="length"/> bytes at its end and returns the new bytes (<c>rte_pktmbuf_append</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not enough tailroom.</exception>
    public Span<byte> Append(int length)
    {
        ThrowHelper.ThrowIfOutOfRange(length, 0, Tailroom, nameof(length));
        _pool.ThrowIfDisposed();
        var added = new Span<byte>(RoomPointer + _dataOffset + _dataLength, length);
        _dataLength += length;
        return added;
    }

    /// <summary>Extends the data by <paramref name="length"/> bytes at its start and returns the new bytes (<c>rte_pktmbuf_prepend</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not enough headroom before the data.</exception>
    public Span<byte> Prepend(int length)
    {
        ThrowHelper.ThrowIfOutOfRange(length, 0, _dataOffset, nameof(length));
        _pool.ThrowIfDisposed();
        _dataOffset -= length;
        _dataLength += length;
        return new Span<byte>(RoomPointer + _dataOffset, length);
    }

    /// <summary>Removes <paramref name="length"/> bytes from the start of the data (<c>rte_pktmbuf_adj</c>).</summary>
    public void TrimStart(int length)
    {
        ThrowHelper.ThrowIfOutOfRange(length, 0, _dataLength, nameof(length));
        _dataOffset += length;
        _dataLength -= length;
    }

    /// <summary>Removes <paramref name="length"/> bytes from the end of the data (<c>rte_pktmbuf_trim</c>).</summary>
    public void TrimEnd(int length)
    {
        ThrowHelper.ThrowIfOutOfRange(length, 0, _dataLength, nameof(length));
        _dataLength -= length;
    }

    /// <summary>Empties the segment: data offset back to <see cref="Headroom"/>, length 0. The chain is kept.</summary>
    public void Reset()
    {
        _dataOffset = Headroom;
        _dataLength = 0;
    }

    /// <summary>Empties every segment of the chain (see <see cref="Reset"/>).</summary>
    public void ResetChain()
    {
        for (DataBuffer? segment = this; segment is not null; segment = segment.Next)
        {
            segment.Reset();
        }
    }

    /// <summary>Appends <paramref name="tail"/> (and its chain) after the last segment of this chain.</summary>
    /// <exception cref="InvalidOperationException">The tail is already part of this chain.</exception>
    public void Chain(DataBuffer tail)
    {
        ArgumentNullException.ThrowIfNull(tail);
        DataBuffer last = this;
        while (true)
        {
            if (ReferenceEquals(last, tail))
            {
                throw new InvalidOperationException("Cannot chain a segment to a chain that already contains it.");
            }

            if (last.Next is null)
            {
                break;
            }

            last = last.Next;
        }

        for (DataBuffer? segment = tail; segment is not null; segment = segment.Next)
        {
            if (ReferenceEquals(segment, this))
            {
                throw new InvalidOperationException("Cannot chain a segment to a chain that already contains it.");
            }
        }

        last.Next = tail;
    }

    /// <summary>Detaches and returns the segments after this one.</summary>
    public DataBuffer? Unchain()
    {
        DataBuffer? next = Next;
        Next = null;
        return next;
    }

    /// <summary>Copies the data of the whole chain, in order, into <paramref name="destination"/>.</summary>
    /// <returns>Bytes copied (<see cref="TotalLength"/>).</returns>
    /// <exception cref="ArgumentException">The destination is shorter than <see cref="TotalLength"/>.</exception>
    public int CopyTo(Span<byte> destination)
    {
        int total = TotalLength;
        if (destination.Length < total)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes; the chain has {total}.", nameof(destination));
        }

        int written = 0;
        for (DataBuffer? segment = this; segment is not null; segment = segment.Next)
        {
            segment.Data.CopyTo(destination[written..]);
            written += segment._dataLength;
        }

        return written;
    }

    /// <summary>The raw pointer to data byte 0 of this segment (for kernels and drivers).</summary>
    internal byte* DataPointer => RoomPointer + _dataOffset;

    internal void ClearNext() => Next = null;
}
