namespace AccelSdk.Bbdev;

/// <summary>Why the last enqueue on a queue accepted fewer ops than offered (DPDK's <c>rte_bbdev_enqueue_status</c>).</summary>
public enum BbdevEnqueueStatus
{
    /// <summary>Every op was accepted.</summary>
    None = 0,

    /// <summary>The queue had no room.</summary>
    QueueFull = 1,

    /// <summary>A device ring had no room.</summary>
    RingFull = 2,

    /// <summary>An op was invalid (the op is still accepted and completes with an error status in this SDK).</summary>
    InvalidOp = 3,

    /// <summary>The queue or device is stopped.</summary>
    QueueStopped = 4,
}
