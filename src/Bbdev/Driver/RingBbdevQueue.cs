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

    /// <summary>
    /// Publishes processed ops for dequeue, in order, and counts those with a driver or data error (the ops were just
    /// processed by this thread, so their status is in cache); returns how many fit.
    /// </summary>
    protected int Complete(ReadOnlySpan<TOp> ops)
    {
        int errors = 0;
        foreach (TOp op in ops)
        {
            errors += (op.Status & (BbdevOpStatus.DriverError | BbdevOpStatus.DataError)) != 0 ? 1 : 0;
        }

        if (errors != 0)
        {
            Counters.AddDequeueErrors(errors);
        }

        return _completed.EnqueueBurst(ops);
    }

    /// <summary>Publishes ops untouched (no status inspection), for drivers that do not process them.</summary>
    protected int CompleteUntouched(ReadOnlySpan<TOp> ops) => _completed.EnqueueBurst(ops);

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
