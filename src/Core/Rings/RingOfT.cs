namespace AccelSdk.Core.Rings;

/// <summary>
/// A lockless bounded FIFO in the style of DPDK's <c>rte_ring</c>: a power-of-two slot array and two
/// head/tail index pairs, single- or multi-producer and single- or multi-consumer as chosen at construction.
/// </summary>
/// <remarks>
/// <para>
/// <c>Bulk</c> operations move all of the given elements or none; <c>Burst</c> operations move as many as fit and
/// return the count. Nothing allocates, locks or throws on the data path; a full or empty ring is a short count.
/// </para>
/// <para>
/// Works for unmanaged elements and for references. Slots of a reference-typed ring are cleared on dequeue so that
/// the ring never keeps a dequeued object alive.
/// </para>
/// <para>
/// A single-producer ring must only be enqueued to by one thread at a time (likewise a single-consumer ring and
/// dequeue). Create rings with <see cref="Ring.Create{T}(int, RingFlags)"/>.
/// </para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public abstract class Ring<T> : IDisposable
{
    private protected Ring()
    {
    }

    /// <summary>Number of elements the ring can hold.</summary>
    public abstract int Capacity { get; }

    /// <summary>The flags the ring was created with.</summary>
    public abstract RingFlags Flags { get; }

    /// <summary>Number of elements in the ring: a snapshot, exact only when no other thread moves elements.</summary>
    public abstract int Count { get; }

    /// <summary>Number of free slots: a snapshot, exact only when no other thread moves elements.</summary>
    public int FreeCount => Capacity - Count;

    /// <summary>Whether the ring holds no element (snapshot).</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Whether the ring is full (snapshot).</summary>
    public bool IsFull => Count == Capacity;

    /// <summary>Enqueues all of <paramref name="items"/>, or none if they do not all fit.</summary>
    /// <returns><see langword="true"/> if every element was enqueued (also for an empty span).</returns>
    /// <exception cref="ArgumentOutOfRangeException">More elements than the ring's capacity: the call could never succeed.</exception>
    /// <exception cref="ObjectDisposedException">The ring was disposed.</exception>
    public abstract bool EnqueueBulk(ReadOnlySpan<T> items);

    /// <summary>Enqueues as many of <paramref name="items"/> as fit, in order.</summary>
    /// <returns>The number enqueued: a prefix of <paramref name="items"/>.</returns>
    /// <exception cref="ObjectDisposedException">The ring was disposed.</exception>
    public abstract int EnqueueBurst(ReadOnlySpan<T> items);

    /// <summary>Dequeues exactly <c>destination.Length</c> elements, or none if fewer are available.</summary>
    /// <returns><see langword="true"/> if the destination was filled (also for an empty span).</returns>
    /// <exception cref="ArgumentOutOfRangeException">More elements than the ring's capacity: the call could never succeed.</exception>
    /// <exception cref="ObjectDisposedException">The ring was disposed.</exception>
    public abstract bool DequeueBulk(Span<T> destination);

    /// <summary>Dequeues up to <c>destination.Length</c> elements, in FIFO order.</summary>
    /// <returns>The number dequeued into the start of <paramref name="destination"/>.</returns>
    /// <exception cref="ObjectDisposedException">The ring was disposed.</exception>
    public abstract int DequeueBurst(Span<T> destination);

    /// <summary>Enqueues one element.</summary>
    /// <returns><see langword="false"/> if the ring is full.</returns>
    public bool TryEnqueue(T item) => EnqueueBurst(new ReadOnlySpan<T>(in item)) == 1;

    /// <summary>Dequeues one element.</summary>
    /// <returns><see langword="false"/> if the ring is empty.</returns>
    public bool TryDequeue(out T item)
    {
        item = default!;
        return DequeueBurst(new Span<T>(ref item)) == 1;
    }

    /// <summary>Marks the ring disposed; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the ring's resources.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected abstract void Dispose(bool disposing);
}
