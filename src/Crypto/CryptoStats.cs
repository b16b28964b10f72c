namespace AccelSdk.Crypto;

/// <summary>Device or queue-pair statistics (DPDK <c>rte_cryptodev_stats</c>).</summary>
/// <param name="EnqueuedCount">Ops accepted by enqueue.</param>
/// <param name="DequeuedCount">Ops returned by dequeue.</param>
/// <param name="EnqueueErrorCount">Ops offered to enqueue but not accepted (queue full, device stopped).</param>
/// <param name="DequeueErrorCount">Ops dequeued with a status other than <see cref="CryptoOpStatus.Success"/>.</param>
public readonly record struct CryptoStats(long EnqueuedCount, long DequeuedCount, long EnqueueErrorCount, long DequeueErrorCount)
{
    /// <summary>Adds two sets of counters (a device's statistics are the sum over its queue pairs).</summary>
    public static CryptoStats operator +(CryptoStats a, CryptoStats b) =>
        new(a.EnqueuedCount + b.EnqueuedCount, a.DequeuedCount + b.DequeuedCount, a.EnqueueErrorCount + b.EnqueueErrorCount, a.DequeueErrorCount + b.DequeueErrorCount);
}
