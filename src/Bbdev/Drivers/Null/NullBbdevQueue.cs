using AccelSdk.Bbdev.Driver;

namespace AccelSdk.Bbdev.Drivers.Null;

/// <summary>The null device's queue: ops pass through untouched (no processing, no status change).</summary>
internal sealed class NullBbdevQueue<TOp>(int queueId, BbdevQueueConfig config) : RingBbdevQueue<TOp>(queueId, config)
    where TOp : BbdevOp
{
    public override int Enqueue(ReadOnlySpan<TOp> ops) => CompleteUntouched(ops);
}
