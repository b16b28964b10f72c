namespace AccelSdk.Bbdev;

/// <summary>Queue or device statistics (DPDK's <c>rte_bbdev_stats</c>).</summary>
public sealed record BbdevStats
{
    /// <summary>Ops accepted by enqueue.</summary>
    public long EnqueuedCount { get; init; }

    /// <summary>Ops returned by dequeue.</summary>
    public long DequeuedCount { get; init; }

    /// <summary>Ops offered to enqueue but not accepted.</summary>
    public long EnqueueErrorCount { get; init; }

    /// <summary>Ops dequeued with a driver or data error status.</summary>
    public long DequeueErrorCount { get; init; }

    /// <summary>Enqueue warnings.</summary>
    public long EnqueueWarnCount { get; init; }

    /// <summary>Dequeue warnings.</summary>
    public long DequeueWarnCount { get; init; }

    /// <summary>Short-enqueue counts per <see cref="BbdevEnqueueStatus"/> (queue statistics only).</summary>
    public IReadOnlyList<long> EnqueueStatusCount { get; init; } = [];

    /// <summary>
    /// Time the accelerator part of the last enqueue call took, in nanoseconds (DPDK's <c>acc_offload_cycles</c>);
    /// for a software driver, the processing time inside that call. Queue statistics only.
    /// </summary>
    public long AccOffloadNanoseconds { get; init; }
}
