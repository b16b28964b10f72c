using AccelSdk.Core.Rings;

namespace AccelSdk.Bbdev.Driver;

/// <summary>
/// A queue whose completions live in a single-producer/single-consumer ring of <see cref="BbdevQueueConfig.QueueSize"/>
/// ops, the shape of DPDK's software PMDs: a derived class processes ops (or not) and pushes them with
/// <see cref="Complete"/>; dequeue pops them in order.
/// </summary>
/// <typeparam name="TOp">The op class.</typeparam>
public abstract class RingBbdevQueue<TOp> : BbdevQueue<TOp>
    where TOp : BbdevOp
{
    private readonly Ring<TOp> _completed;

    /// <summary>Creates the queue and its completion ring.</summary>
    protected RingBbdevQueue(int queueId, BbdevQueueConfig config)
        : base(queueId, config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _completed = Ring.Create<TOp>(config.QueueSize, RingFlags.SingleProducer | RingFlags.SingleConsumer);
    }

    /// <inheritdoc />
    public override bool HasCompletions => !_completed.IsEmpty;

    /// <summary>Free completion slots: how many ops the next enqueue can accept at most.</summary>
    protected int FreeSlots => _completed.FreeCount;

    /// <inheritdoc />
    public override int Dequeue(Span<TOp> ops) => _completed.DequeueBurst(ops);

    /// <summary>Publishes processed ops for dequeue, in order; returns how many fit.</summary>
    protected int Complete(ReadOnlySpan<TOp> ops) => _completed.EnqueueBurst(ops);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _completed.Dispose();
        }

        base.Dispose(disposing);
    }
}
