using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AccelSdk.Core.Rings;

/// <summary>
/// The ring algorithm, specialised per producer mode <typeparamref name="TProducer"/> and consumer mode
/// <typeparamref name="TConsumer"/> (<see cref="SingleThreaded"/> or <see cref="MultiThreaded"/>).
/// </summary>
/// <remarks>
/// <para>
/// Indices are free-running 32-bit counters; a slot is <c>index &amp; mask</c>. Unsigned subtraction gives the
/// number of elements between two indices even across the 2^32 wrap, because the distance never exceeds the
/// capacity (at most 2^30).
/// </para>
/// <para>Memory ordering, in pairs (an acquire load Ax sees everything before the release store Rx it reads):</para>
/// <list type="bullet">
/// <item><b>R1/A1</b> — a producer writes its slots, then publishes them with a release store of
/// <c>ProducerTail</c> (R1). A consumer acquire-loads <c>ProducerTail</c> (A1) before reading any slot, so every
/// slot below the tail it saw is fully written.</item>
/// <item><b>R2/A2</b> — a consumer reads (and, for references, clears) its slots, then frees them with a release
/// store of <c>ConsumerTail</c> (R2). A producer acquire-loads <c>ConsumerTail</c> (A2) before computing free
/// space, so it never overwrites a slot whose read has not completed.</item>
/// <item><b>C1</b> — multi-producer (multi-consumer) threads claim disjoint ranges with a compare-and-swap on
/// the head (a full fence). A stale head only makes the CAS fail; a stale opposite tail only under-estimates the
/// free space or the entries, which is safe.</item>
/// <item><b>W1</b> — with several producers (consumers), a thread publishes its range only after every earlier
/// range is published: it waits until the tail equals its own old head (acquire loads), then stores the new tail
/// (R1/R2). Tails therefore advance in claim order and cover only completed ranges.</item>
/// </list>
/// <para>A single-threaded head needs no CAS: only its owner writes it, and plain loads see its own stores.</para>
/// </remarks>
internal sealed class RingImpl<T, TProducer, TConsumer> : Ring<T>
    where TProducer : struct
    where TConsumer : struct
{
    private readonly T[] _slots;
    private readonly uint _mask;
    private readonly uint _capacity;
    private readonly RingFlags _flags;
    private bool _disposed;
    private RingIndexes _indexes;

    public RingImpl(int capacity, RingFlags flags)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)capacity);
        _slots = new T[size];
        _mask = (uint)size - 1;
        _capacity = (uint)capacity;
        _flags = flags;
    }

    public override int Capacity => (int)_capacity;

    public override RingFlags Flags => _flags;

    public override int Count
    {
        get
        {
            // Consumer tail first: the producer tail read afterwards can only be newer, so the difference can
            // exceed the capacity transiently but never goes negative; clamp it like rte_ring_count does.
            uint consumerTail = Volatile.Read(ref _indexes.ConsumerTail);
            uint producerTail = Volatile.Read(ref _indexes.ProducerTail);
            uint count = producerTail - consumerTail;
            return (int)Math.Min(count, _capacity);
        }
    }

    public override bool EnqueueBulk(ReadOnlySpan<T> items)
    {
        if ((uint)items.Length > _capacity)
        {
            ThrowHelper.ThrowBulkTooLarge(nameof(items), items.Length, (int)_capacity);
        }

        return Enqueue(items, bulk: true) == items.Length;
    }

    public override int EnqueueBurst(ReadOnlySpan<T> items) => Enqueue(items, bulk: false);

    public override bool DequeueBulk(Span<T> destination)
    {
        if ((uint)destination.Length > _capacity)
        {
            ThrowHelper.ThrowBulkTooLarge(nameof(destination), destination.Length, (int)_capacity);
        }

        return Dequeue(destination, bulk: true) == destination.Length;
    }

    public override int DequeueBurst(Span<T> destination) => Dequeue(destination, bulk: false);

    protected override void Dispose(bool disposing) => _disposed = true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Enqueue(ReadOnlySpan<T> items, bool bulk)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        uint wanted = (uint)items.Length;
        if (wanted == 0)
        {
            return 0;
        }

        uint oldHead;
        uint count;
        if (typeof(TProducer) == typeof(SingleThreaded))
        {
            oldHead = _indexes.ProducerHead;
            uint free = _capacity + Volatile.Read(ref _indexes.ConsumerTail) - oldHead; // A2
            count = Math.Min(wanted, free);
            if (count == 0 || (bulk && count != wanted))
            {
                return 0;
            }

            _indexes.ProducerHead = oldHead + count;
        }
        else
        {
            oldHead = Volatile.Read(ref _indexes.ProducerHead);
            while (true)
            {
                uint free = _capacity + Volatile.Read(ref _indexes.ConsumerTail) - oldHead; // A2
                count = Math.Min(wanted, free);
                if (count == 0 || (bulk && count != wanted))
                {
                    return 0;
                }

                uint seen = Interlocked.CompareExchange(ref _indexes.ProducerHead, oldHead + count, oldHead); // C1
                if (seen == oldHead)
                {
                    break;
                }

                oldHead = seen;
            }
        }

        CopyIn(oldHead, items[..(int)count]);

        if (typeof(TProducer) == typeof(MultiThreaded))
        {
            WaitForTail(ref _indexes.ProducerTail, oldHead); // W1
        }

        Volatile.Write(ref _indexes.ProducerTail, oldHead + count); // R1
        return (int)count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Dequeue(Span<T> destination, bool bulk)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        uint wanted = (uint)destination.Length;
        if (wanted == 0)
        {
            return 0;
        }

        uint oldHead;
        uint count;
        if (typeof(TConsumer) == typeof(SingleThreaded))
        {
            oldHead = _indexes.ConsumerHead;
            uint entries = Volatile.Read(ref _indexes.ProducerTail) - oldHead; // A1
            count = Math.Min(wanted, entries);
            if (count == 0 || (bulk && count != wanted))
            {
                return 0;
            }

            _indexes.ConsumerHead = oldHead + count;
        }
        else
        {
            oldHead = Volatile.Read(ref _indexes.ConsumerHead);
            while (true)
            {
                uint entries = Volatile.Read(ref _indexes.ProducerTail) - oldHead; // A1
                count = Math.Min(wanted, entries);
                if (count == 0 || (bulk && count != wanted))
                {
                    return 0;
                }

                uint seen = Interlocked.CompareExchange(ref _indexes.ConsumerHead, oldHead + count, oldHead); // C1
                if (seen == oldHead)
                {
                    break;
                }

                oldHead = seen;
            }
        }

        CopyOut(oldHead, destination[..(int)count]);

        if (typeof(TConsumer) == typeof(MultiThreaded))
        {
            WaitForTail(ref _indexes.ConsumerTail, oldHead); // W1
        }

        Volatile.Write(ref _indexes.ConsumerTail, oldHead + count); // R2
        return (int)count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CopyIn(uint head, ReadOnlySpan<T> items)
    {
        int start = (int)(head & _mask);
        int first = Math.Min(items.Length, _slots.Length - start);
        ref T slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        ref T source = ref MemoryMarshal.GetReference(items);
        if (items.Length <= 16)
        {
            // Short bursts: a plain loop beats the memmove call (and its bulk write barrier for references).
            for (int i = 0; i < first; i++)
            {
                Unsafe.Add(ref slots, start + i) = Unsafe.Add(ref source, i);
            }

            for (int i = first; i < items.Length; i++)
            {
                Unsafe.Add(ref slots, i - first) = Unsafe.Add(ref source, i);
            }

            return;
        }

        items[..first].CopyTo(_slots.AsSpan(start, first));
        items[first..].CopyTo(_slots);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CopyOut(uint head, Span<T> destination)
    {
        int start = (int)(head & _mask);
        int first = Math.Min(destination.Length, _slots.Length - start);
        ref T slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        ref T target = ref MemoryMarshal.GetReference(destination);
        if (destination.Length <= 16)
        {
            for (int i = 0; i < first; i++)
            {
                ref T slot = ref Unsafe.Add(ref slots, start + i);
                Unsafe.Add(ref target, i) = slot;
                if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
                {
                    slot = default!;
                }
            }

            for (int i = first; i < destination.Length; i++)
            {
                ref T slot = ref Unsafe.Add(ref slots, i - first);
                Unsafe.Add(ref target, i) = slot;
                if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
                {
                    slot = default!;
                }
            }

            return;
        }

        Span<T> head1 = _slots.AsSpan(start, first);
        Span<T> head2 = _slots.AsSpan(0, destination.Length - first);
        head1.CopyTo(destination);
        head2.CopyTo(destination[first..]);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            head1.Clear();
            head2.Clear();
        }
    }

    /// <summary>W1: waits until every range claimed before ours has been published.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WaitForTail(ref uint tail, uint expected)
    {
        if (Volatile.Read(ref tail) != expected)
        {
            SpinUntil(ref tail, expected);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SpinUntil(ref uint tail, uint expected)
    {
        // An earlier claimer may have been preempted between its claim and its publish; SpinWait escalates from
        // pause instructions to yielding so that it gets the CPU back on an oversubscribed machine.
        SpinWait spinner = default;
        while (Volatile.Read(ref tail) != expected)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}
