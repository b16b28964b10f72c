namespace AccelSdk.Core.Rings;

/// <summary>Creates lockless bounded rings (see <see cref="Ring{T}"/>).</summary>
public static class Ring
{
    /// <summary>The largest capacity a ring accepts (2^30 elements).</summary>
    public const int MaxCapacity = 1 << 30;

    /// <summary>
    /// Creates a ring that holds <paramref name="capacity"/> elements.
    /// </summary>
    /// <param name="capacity">
    /// Number of elements the ring holds: a power of two in [1, <see cref="MaxCapacity"/>], or any value in that
    /// range with <see cref="RingFlags.ExactSize"/>.
    /// </param>
    /// <param name="flags">Producer/consumer modes and sizing.</param>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is out of range, or not a power of two without <see cref="RingFlags.ExactSize"/>.</exception>
    public static Ring<T> Create<T>(int capacity, RingFlags flags = RingFlags.None)
    {
        ThrowHelper.ThrowIfUnknownFlags(flags, RingFlags.SingleProducer | RingFlags.SingleConsumer | RingFlags.ExactSize, nameof(flags));
        ThrowHelper.ThrowIfOutOfRange(capacity, 1, MaxCapacity, nameof(capacity));
        if ((flags & RingFlags.ExactSize) == 0 && !int.IsPow2(capacity))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity,
                $"capacity must be a power of two (1, 2, 4, ... {MaxCapacity}) unless RingFlags.ExactSize is set; got {capacity}.");
        }

        bool sp = (flags & RingFlags.SingleProducer) != 0;
        bool sc = (flags & RingFlags.SingleConsumer) != 0;
        return (sp, sc) switch
        {
            (true, true) => new RingImpl<T, SingleThreaded, SingleThreaded>(capacity, flags),
            (true, false) => new RingImpl<T, SingleThreaded, MultiThreaded>(capacity, flags),
            (false, true) => new RingImpl<T, MultiThreaded, SingleThreaded>(capacity, flags),
            _ => new RingImpl<T, MultiThreaded, MultiThreaded>(capacity, flags),
        };
    }
}
