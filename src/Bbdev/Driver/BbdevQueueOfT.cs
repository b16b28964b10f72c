namespace AccelSdk.Bbdev.Driver;

/// <summary>A driver queue for ops of type <typeparamref name="TOp"/>.</summary>
/// <typeparam name="TOp">The op class (<see cref="LdpcDecOp"/>, ...; <see cref="BbdevOp"/> for untyped queues).</typeparam>
public abstract class BbdevQueue<TOp> : BbdevQueue
    where TOp : BbdevOp
{
    /// <summary>Creates the queue.</summary>
    protected BbdevQueue(int queueId, BbdevQueueConfig config)
        : base(queueId, config)
    {
    }

    /// <summary>
    /// Accepts a prefix of <paramref name="ops"/> (as many as fit) and returns its length. Must validate each
    /// accepted op (<see cref="BbdevOpValidator"/>): an invalid op is still accepted and completes with an error
    /// status, so that ordering and accounting hold. Never throws for a full queue or a bad op.
    /// </summary>
    public abstract int Enqueue(ReadOnlySpan<TOp> ops);

    /// <summary>Moves up to <c>ops.Length</c> completed ops, in enqueue order, into <paramref name="ops"/>; returns how many.</summary>
    public abstract int Dequeue(Span<TOp> ops);
}
